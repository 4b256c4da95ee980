import QtQuick
import QtQuick.Controls
import QtTest
import Anju

// The map page over the demo district: tap a point and land on that house; the nearest house
// still to visit is centred and highlighted; the list beside the map is nearest first.
Item {
    id: root
    width: 1280
    height: 800

    StackView {
        id: stack
        anchors.fill: parent
    }

    TestCase {
        name: "MapPage"
        when: windowShown

        function init() {
            stack.clear()
            stack.push(Qt.resolvedUrl("qrc:/qt/qml/Anju/MapPage.qml"))
            tryCompare(stack, "busy", false)  // a page in transition takes no input
        }

        function test_tapAPointThenOpenTheHouse() {
            const page = stack.currentItem
            const map = page.map
            tryCompare(page.houses, "locatedCount", 200)
            const list = findChild(page, "nearList")
            tryCompare(list, "count", 200)
            // Tapping a row centres the map on that house at street level.
            tryVerify(() => list.itemAtIndex(5) !== null)
            const row = list.itemAtIndex(5)
            mouseClick(row)
            const targetId = row.houseId
            compare(page.selectedId, targetId)
            page.select("", false)
            compare(findChild(page, "houseCard").visible, false)
            // Now tap the point itself, a little off centre as a finger does.
            const at = map.pointOf(targetId)
            const mouse = findChild(page, "mapMouse")
            mouseClick(mouse, at.x + 3, at.y - 2)
            compare(page.selectedId, targetId)
            const card = findChild(page, "houseCard")
            verify(card.visible)
            verify(findChild(card, "callOwnerButton").enabled)  // the demo owners have phones
            mouseClick(findChild(card, "openHouseButton"))
            tryCompare(stack, "depth", 2)
            tryCompare(stack.currentItem, "objectName", "housePage")
            compare(stack.currentItem.buildingId, targetId)
            verify(stack.currentItem.controller.loaded)
        }

        function test_dragPansAndATapOnEmptyMapClosesTheCard() {
            const page = stack.currentItem
            const map = page.map
            tryCompare(page.houses, "locatedCount", 200)
            const mouse = findChild(page, "mapMouse")
            const before = map.centerLongitude
            mouseDrag(mouse, 300, 300, 120, 0)
            verify(map.centerLongitude < before)  // content moved right: we look further west
            page.select(findChild(page, "nearList").itemAtIndex(0).houseId, false)
            verify(findChild(page, "houseCard").visible)
            mouseClick(mouse, 3, 3)
            compare(page.selectedId, "")
        }

        function test_nearestNotYetVisitedIsCentredAndTheListIsNearestFirst() {
            const page = stack.currentItem
            const nearest = findChild(page, "nearestButton")
            verify(!nearest.enabled)  // no GPS fix yet
            page.houses.setPosition(30.6050, 114.3050)
            verify(nearest.enabled)
            const expected = page.houses.nearestToVisit()
            verify(expected !== "")
            waitForRendering(page)  // the button, just enabled, is drawn before a finger finds it
            mouseClick(nearest)
            const id = page.selectedId
            compare(id, expected)
            verify(id !== "")
            compare(page.map.highlightedId, id)
            const house = page.houses.house(id)
            verify(house.visitState === "not_visited")
            const centre = page.map.pointOf(id)
            fuzzyCompare(centre.x, page.map.width / 2, 0.5)
            fuzzyCompare(centre.y, page.map.height / 2, 0.5)
            verify(findChild(page, "houseCard").visible)
            const list = findChild(page, "nearList")
            tryCompare(list, "count", 200)
            let previous = 0
            tryVerify(() => list.itemAtIndex(7) !== null)
            for (let row = 0; row < 8; ++row) {
                const item = list.itemAtIndex(row)
                verify(item.distanceMeters >= previous)
                previous = item.distanceMeters
            }
            // The first row still to visit in the nearest-first list is the one chosen.
            for (let row = 0; row < 200; ++row) {
                list.positionViewAtIndex(row, ListView.Contain)
                tryVerify(() => list.itemAtIndex(row) !== null)
                const item = list.itemAtIndex(row)
                const state = page.houses.house(item.houseId).visitState
                if (state === "not_visited" || state === "no_one_home" || state === "refused") {
                    compare(item.houseId, id)
                    break
                }
            }
        }
    }
}
