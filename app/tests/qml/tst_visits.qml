import QtQuick
import QtQuick.Controls
import QtTest
import Anju

// The house page's "记录走访": one tap records 无人在家 with its note, the visit history and the
// revisit-due date appear, and the house shows up under "待回访" in My houses.
Item {
    id: root
    width: 1280
    height: 800

    StackView {
        id: stack
        anchors.fill: parent
    }

    HouseListModel {
        id: notVisited
        session: Session
        statusFilter: "not_visited"
    }
    HouseListModel {
        id: toRevisit
        session: Session
        statusFilter: "to_revisit"
    }

    TestCase {
        name: "VisitOutcome"
        when: windowShown

        function test_recordNobodyHomeFromTheHousePage() {
            const id = notVisited.idAt(7)  // not a house the other page tests use
            verify(id !== "")
            toRevisit.reload()
            const before = toRevisit.totalCount
            stack.clear()
            stack.push(Qt.resolvedUrl("qrc:/qt/qml/Anju/HousePage.qml"), { buildingId: id })
            const page = stack.currentItem
            const visit = findChild(page, "visitController")
            verify(visit !== null)
            compare(visit.visitCount, 0)
            verify(!findChild(page, "visitChooser").visible)

            mouseClick(findChild(page, "recordVisitButton"))
            tryVerify(() => findChild(page, "visitChooser").visible)
            findChild(page, "visitNoteField").text = "邻居说户主周日回来"
            const nobodyHome = findChild(page, "visitOutcome_nobody_home")
            verify(nobodyHome !== null)
            compare(nobodyHome.text, "无人在家")
            mouseClick(nobodyHome)

            tryCompare(visit, "visitCount", 1)
            compare(visit.lastOutcome, "nobody_home")
            compare(visit.errorString, "")
            verify(/^\d{4}-\d{2}-\d{2}$/.test(visit.revisitDue))
            verify(findChild(page, "revisitDueText").visible)
            verify(!findChild(page, "visitChooser").visible)  // one tap, done
            const history = findChild(page, "visitHistoryList")
            tryCompare(history, "count", 1)

            toRevisit.reload()
            compare(toRevisit.totalCount, before + 1)
            let found = false
            for (let i = 0; i < toRevisit.rowCount(); ++i)
                if (toRevisit.idAt(i) === id) found = true
            verify(found)
        }

        function test_housesPageOffersTheToRevisitFilter() {
            stack.clear()
            stack.push(Qt.resolvedUrl("qrc:/qt/qml/Anju/HousesPage.qml"))
            const page = stack.currentItem
            const filter = findChild(page, "statusFilter")
            let index = -1
            for (let i = 0; i < filter.model.length; ++i)
                if (filter.model[i].code === "to_revisit") index = i
            verify(index >= 0)
            compare(filter.model[index].label, "待回访")
            page.model.statusFilter = "to_revisit"
            toRevisit.reload()
            compare(page.model.totalCount, toRevisit.totalCount)
            const list = findChild(page, "houseList")
            tryVerify(() => list.count === page.model.totalCount)
        }
    }
}
