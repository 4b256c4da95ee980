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

    // Popups (the file picker's dialog) live in the window's overlay, not under the page.
    readonly property Item overlay: Overlay.overlay

    // The first item under `item` showing one of `texts` that can be clicked (a dialog's button).
    function findButton(item, texts) {
        if (!item) return null
        if (item.clicked !== undefined && texts.indexOf(item.text) >= 0 && item.visible) return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findButton(item.children[i], texts)
            if (found) return found
        }
        return null
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

        function test_listKeepsItsPositionWhenTheStoreChanges() {
            const page = stack.currentItem
            const list = findChild(page, "houseList")
            tryVerify(() => list.count > 0)
            list.contentY = 2500  // scrolled well down: more pages loaded
            tryVerify(() => list.count > 50)
            wait(50)
            const y = list.contentY
            const index = list.indexAt(10, y + 100)
            verify(index > 20)
            Session.notifyStoreChanged()  // what a save or a sync does
            wait(50)
            compare(list.contentY, y)
            compare(list.indexAt(10, y + 100), index)
        }

        function test_returnedInspectionsAreOnTopWithTheComment() {
            const page = stack.currentItem
            const strip = findChild(page, "returnedStrip")
            verify(strip.visible)
            const returnedList = findChild(page, "returnedList")
            tryCompare(returnedList, "count", 1)
            verify(returnedList.itemAtIndex(0).comment.indexOf("补拍") >= 0)
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
            tryCompare(stack, "busy", false)  // a page in transition takes no taps
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
            compare(inspection.findings.model.count, 1)
            verify(inspection.savedAt !== "")
            verify(inspection.items.rowOf("wall_crack_width") >= 0)

            // Typing the width: every keystroke reaches the controller, the record follows.
            list.positionViewAtIndex(inspection.items.rowOf("wall_crack_width"), ListView.Center)
            let width = null
            tryVerify(() => (width = findChild(list, "measure_wall_crack_width")) !== null)
            width.forceActiveFocus()
            keyClick(Qt.Key_1)
            keyClick(Qt.Key_Period)
            keyClick(Qt.Key_2)
            compare(width.text, "1.2")
            tryVerify(() => inspection.findings.model.count === 1 && inspection.savedAt !== "", 3000)
            tryCompare(width, "text", "1.2", 3000)  // not redrawn while typing
        }

        function test_cameraPageFallsBackToFilesWithoutACamera() {
            stack.clear()
            stack.push(Qt.resolvedUrl("qrc:/qt/qml/Anju/InspectionPage.qml"),
                       { buildingId: notVisited.idAt(1) })
            stack.currentItem.takePhoto("", -1)
            tryCompare(stack.currentItem, "objectName", "cameraPage")
            const camera = stack.currentItem
            compare(camera.hasCamera, false)  // the test machine has none
            verify(findChild(camera, "chooseFileButton").visible)
            verify(!findChild(camera, "shutterButton").visible)
            verify(findChild(camera, "positionLabel").text !== "")
        }

        // Issue 10: choosing a picture from the files killed the app on a clean install (the
        // picker's QML needs Qt.labs.folderlistmodel, which install-deps did not install).
        // Opens the real picker, picks the picture in its list, presses its Open button.
        function test_filePickerOpensAndAddsThePickedPhoto() {
            stack.clear()
            stack.push(Qt.resolvedUrl("qrc:/qt/qml/Anju/InspectionPage.qml"),
                       { buildingId: notVisited.idAt(2) })
            const inspection = stack.currentItem.controller
            const photosBefore = inspection.photos.count
            stack.currentItem.takePhoto("", -1)
            tryCompare(stack.currentItem, "objectName", "cameraPage")
            const camera = stack.currentItem
            const dialog = findChild(camera, "fileDialog")
            verify(dialog !== null)
            dialog.currentFolder = testPictureFolder
            tryCompare(stack, "busy", false)  // a StackView takes no taps while it moves pages
            mouseClick(findChild(camera, "chooseFileButton"))
            tryVerify(() => dialog.visible, 3000, "the file picker did not open")
            const list = findChild(root.overlay, "fileDialogListView")
            verify(list !== null, "the picker's file list is missing")
            tryVerify(() => list.count === 1, 3000)
            const picture = list.itemAtIndex(0)
            compare(picture.fileName, "wall-crack.jpg")
            mouseClick(picture)
            const open = root.findButton(root.overlay, ["Open", "打开"])
            verify(open !== null, "the picker has no Open button")
            mouseClick(open)
            tryCompare(stack, "depth", 1, 5000)  // the camera page closes on success
            compare(inspection.photos.count, photosBefore + 1)
            compare(inspection.errorString, "")
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
