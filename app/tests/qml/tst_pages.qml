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
