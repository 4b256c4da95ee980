import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// 我的房屋: the houses of the tablet's communities, by street and community, with filters and
// address search. Rows come page by page from the store (HouseListModel.fetchMore).
Page {
    id: page
    objectName: "housesPage"
    title: qsTr("My houses")
    property alias model: houses
    background: Rectangle { color: Theme.background }

    HouseListModel {
        id: houses
        session: Session
    }
    ReturnedInspectionModel {
        id: returned
        session: Session
    }
    AssignedHouseModel {
        id: assigned
        session: Session
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        // Returned by the reviewer: first thing on the page, with the reviewer's words.
        Rectangle {
            objectName: "returnedStrip"
            Layout.fillWidth: true
            visible: returned.count > 0
            implicitHeight: returnedColumn.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.errorBackground
            border.color: Theme.statusColor("returned")
            ColumnLayout {
                id: returnedColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 8
                Label {
                    text: qsTr("Returned by the reviewer (%1) — please redo").arg(returned.count)
                    font.bold: true
                    font.pixelSize: Theme.fontLarge
                    color: Theme.statusColor("returned")
                }
                ListView {
                    id: returnedList
                    objectName: "returnedList"
                    Layout.fillWidth: true
                    implicitHeight: 76
                    orientation: ListView.Horizontal
                    spacing: Theme.spacing
                    clip: true
                    model: returned
                    delegate: ItemDelegate {
                        id: returnedCard
                        required property string buildingId
                        required property string address
                        required property string section
                        required property string comment
                        width: Math.max(360, Math.min(520, returnedList.width / Math.max(1, returned.count) - Theme.spacing))
                        height: 76
                        background: Rectangle {
                            color: returnedCard.pressed ? "#FFCDD2" : Theme.surface
                            radius: Theme.radius
                        }
                        onClicked: page.StackView.view.push(Qt.resolvedUrl("HousePage.qml"),
                                                            { buildingId: buildingId })
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: returnedCard.address + "  ·  " + returnedCard.section
                                font.bold: true
                                elide: Text.ElideRight
                            }
                            Label {
                                Layout.fillWidth: true
                                text: returnedCard.comment !== ""
                                      ? qsTr("Reviewer: %1").arg(returnedCard.comment)
                                      : qsTr("Returned without a comment")
                                color: Theme.error
                                elide: Text.ElideRight
                            }
                        }
                    }
                }
            }
        }

        // 分派给我: the houses a reviewer dispatched to this inspector, earliest due date first,
        // before the rest of the list.
        Rectangle {
            objectName: "assignedStrip"
            Layout.fillWidth: true
            visible: assigned.count > 0
            implicitHeight: assignedColumn.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.sectionBackground
            border.color: Theme.primary
            ColumnLayout {
                id: assignedColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: 8
                Label {
                    text: qsTr("Assigned to me (%1)").arg(assigned.count)
                    font.bold: true
                    font.pixelSize: Theme.fontLarge
                    color: Theme.primary
                }
                ListView {
                    id: assignedList
                    objectName: "assignedList"
                    Layout.fillWidth: true
                    implicitHeight: 76
                    orientation: ListView.Horizontal
                    spacing: Theme.spacing
                    clip: true
                    model: assigned
                    delegate: ItemDelegate {
                        id: assignedCard
                        required property string buildingId
                        required property string address
                        required property string section
                        required property string dueDate
                        required property bool inspected
                        width: Math.max(320, Math.min(480, assignedList.width / Math.max(1, assigned.count) - Theme.spacing))
                        height: 76
                        background: Rectangle {
                            color: assignedCard.pressed ? Theme.sectionBackground : Theme.surface
                            radius: Theme.radius
                        }
                        onClicked: page.StackView.view.push(Qt.resolvedUrl("HousePage.qml"),
                                                            { buildingId: buildingId })
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: assignedCard.address + "  ·  " + assignedCard.section
                                font.bold: true
                                elide: Text.ElideRight
                            }
                            Label {
                                Layout.fillWidth: true
                                text: assignedCard.inspected
                                      ? qsTr("Due date: %1 · handed in").arg(assignedCard.dueDate)
                                      : qsTr("Due date: %1").arg(assignedCard.dueDate)
                                color: assignedCard.inspected ? Theme.textSecondary : Theme.primary
                                elide: Text.ElideRight
                            }
                        }
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                id: search
                objectName: "searchField"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch + 8
                placeholderText: qsTr("Search by address, street or community")
                inputMethodHints: Qt.ImhNoPredictiveText
                onTextChanged: searchDelay.restart()
                Timer {
                    id: searchDelay
                    interval: 250
                    onTriggered: houses.searchText = search.text
                }
            }
            ComboBox {
                id: statusFilter
                objectName: "statusFilter"
                Layout.preferredWidth: 200
                Layout.preferredHeight: Theme.touch + 8
                textRole: "label"
                valueRole: "code"
                model: [
                    { code: "", label: qsTr("All statuses") },
                    { code: "not_visited", label: qsTr("Not visited") },
                    { code: "to_revisit", label: qsTr("To revisit") },
                    { code: "in_progress", label: qsTr("In progress") },
                    { code: "submitted", label: qsTr("Submitted") },
                    { code: "returned", label: qsTr("Returned") },
                    { code: "approved", label: qsTr("Approved") }
                ]
                onActivated: houses.statusFilter = currentValue
            }
            ComboBox {
                id: judgmentFilter
                objectName: "judgmentFilter"
                Layout.preferredWidth: 240
                Layout.preferredHeight: Theme.touch + 8
                textRole: "label"
                valueRole: "code"
                model: [
                    { code: "", label: qsTr("All judgments") },
                    { code: "serious", label: qsTr("Serious hazard") },
                    { code: "some", label: qsTr("Some hazard") },
                    { code: "none_found", label: qsTr("No hazard found") }
                ]
                onActivated: houses.judgmentFilter = currentValue
            }
        }

        Label {
            text: houses.searchText !== ""
                  ? qsTr("%n house(s) found", "", houses.totalCount)
                  : qsTr("%n house(s)", "", houses.totalCount)
            color: Theme.textSecondary
        }

        AnjuErrorBanner {
            Layout.fillWidth: true
            text: houses.errorString !== "" ? houses.errorString : Session.errorString
        }

        ListView {
            id: list
            objectName: "houseList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: houses
            spacing: 1
            ScrollBar.vertical: ScrollBar {}

            section.property: "section"
            section.criteria: ViewSection.FullString
            section.labelPositioning: ViewSection.InlineLabels | ViewSection.CurrentLabelAtStart
            section.delegate: Rectangle {
                required property string section
                width: ListView.view.width
                height: 40
                color: Theme.sectionBackground
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.left: parent.left
                    anchors.leftMargin: Theme.margin
                    text: parent.section
                    font.bold: true
                    color: Theme.primary
                }
            }

            delegate: ItemDelegate {
                id: row
                required property int index
                required property string buildingId
                required property string address
                required property string status
                required property string statusLabel
                required property string judgment
                required property string judgmentLabel
                required property string lastInspected
                required property string visitOutcomeLabel
                required property int visitCount
                required property string revisitDue

                width: ListView.view.width
                height: 72
                background: Rectangle { color: row.pressed ? "#EEEEEE" : Theme.surface }
                onClicked: page.StackView.view.push(Qt.resolvedUrl("HousePage.qml"), { buildingId: buildingId })

                Rectangle {
                    width: 8
                    anchors.top: parent.top
                    anchors.bottom: parent.bottom
                    anchors.left: parent.left
                    color: Theme.judgmentColor(row.judgment)
                }
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    anchors.leftMargin: 24
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.leftMargin: 16
                        spacing: 2
                        Label {
                            text: row.address
                            font.pixelSize: Theme.fontLarge
                            color: Theme.text
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            text: (row.lastInspected !== ""
                                   ? qsTr("Last inspected %1").arg(row.lastInspected)
                                   : qsTr("Never inspected"))
                                  + (row.visitCount > 0
                                     ? qsTr(" · %n visit(s), last: %1", "", row.visitCount).arg(row.visitOutcomeLabel)
                                     : "")
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textSecondary
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            objectName: "revisitDueLabel"
                            visible: row.revisitDue !== ""
                            text: qsTr("Revisit due %1").arg(row.revisitDue)
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                            color: Theme.some
                        }
                    }
                    AnjuStatusChip {
                        status: row.status
                        label: row.statusLabel
                    }
                    AnjuJudgmentBadge {
                        visible: row.judgment !== ""
                        judgment: row.judgment
                        label: row.judgmentLabel
                        Layout.preferredWidth: 170
                    }
                    Item {
                        visible: row.judgment === ""
                        Layout.preferredWidth: 170
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: houses.searchText !== "" ? qsTr("No house matches the search.")
                                               : qsTr("No houses.")
                color: Theme.textSecondary
            }
        }
    }
}
