import QtQuick
import QtQuick.Controls
import QtTest
import Anju

// Drives real pages against the demo database: the house list pages, searches and filters; the
// sign-in page refuses honestly without a sync client.
Item {
    id: root
    width: 1280
    height: 800

    StackView {
        id: stack
        anchors.fill: parent
    }

    TestCase {
        name: "HousesPage"
        when: windowShown

        function init() {
            stack.clear()
            stack.push(Qt.resolvedUrl("qrc:/qt/qml/Anju/HousesPage.qml"))
        }

        function test_listsDemoHousesPageByPage() {
            const page = stack.currentItem
            compare(page.model.totalCount, 200)
            const list = findChild(page, "houseList")
            verify(list !== null)
            tryVerify(() => list.count > 0)
            verify(list.count <= 200)
        }

        function test_searchByChineseAddress() {
            const page = stack.currentItem
            const search = findChild(page, "searchField")
            search.forceActiveFocus()
            search.text = "幸福路"
            tryCompare(page.model, "totalCount", 32, 3000)
            const list = findChild(page, "houseList")
            tryCompare(list, "count", 32)
        }

        function test_judgmentFilterShowsOnlySerious() {
            const page = stack.currentItem
            page.model.judgmentFilter = "serious"
            compare(page.model.totalCount, 2)
        }

        function test_tappingAHouseOpensItsPage() {
            const list = findChild(stack.currentItem, "houseList")
            tryVerify(() => list.count > 0)
            const first = list.itemAtIndex(0)
            verify(first !== null)
            mouseClick(first)
            tryCompare(stack, "depth", 2)
            tryCompare(stack.currentItem, "objectName", "housePage")
            verify(stack.currentItem.controller.loaded)
        }
    }

    HouseListModel {
        id: notVisited
        session: Session
        statusFilter: "not_visited"
    }

    TestCase {
        name: "InspectionPage"
        when: windowShown

        function test_hazardAnswerShowsFollowUpQuestionsAndOpensAFinding() {
            stack.clear()
            stack.push(Qt.resolvedUrl("qrc:/qt/qml/Anju/InspectionPage.qml"),
                       { buildingId: notVisited.idAt(0) })
            const page = stack.currentItem
            const inspection = page.controller
            verify(inspection.inspectionId !== "")
            inspection.sectionIndex = 2  // 承重墙体
            const list = findChild(page, "itemList")
            tryVerify(() => list.count > 0)
            const before = list.count
            const yes = findChild(list, "yes_wall_cracks")
            verify(yes !== null)
            mouseClick(yes)
            tryVerify(() => list.count > before)
            compare(inspection.findings.count, 1)
            verify(inspection.savedAt !== "")
            verify(inspection.items.rowOf("wall_crack_width") >= 0)
        }
    }

    TestCase {
        name: "SignInPage"
        when: windowShown

        function test_signInWithoutSyncClientSaysSoInPlainWords() {
            stack.clear()
            stack.push(Qt.resolvedUrl("qrc:/qt/qml/Anju/SignInPage.qml"))
            const page = stack.currentItem
            findChild(page, "serverField").text = "https://anju.example"
            findChild(page, "userField").text = "zhang"
            findChild(page, "passwordField").text = "secret"
            mouseClick(findChild(page, "signInButton"))
            verify(page.controller.errorString !== "")
            verify(!page.controller.signedIn)
            compare(stack.depth, 1)
        }
    }
}
