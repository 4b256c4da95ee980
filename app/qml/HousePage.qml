import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// One house: its basic information (editable, checked by core as you type), its visits (记录走访
// and the visit history, AnjuVisitPanel) and its inspection history, with the way into the
// inspection.
Page {
    id: page
    objectName: "housePage"
    property string buildingId: ""
    property alias controller: house
    /// The four visit outcomes are showing (the "记录走访" action is open).
    property alias visitChoosing: visitPanel.choosing
    /// Keep the form scrolled to the national platform's fields (the "house-platform" screenshot).
    property bool showingPlatform: false
    onShowingPlatformChanged: scrollToPlatform()

    function scrollToPlatform() {
        if (!showingPlatform) return
        const flick = formScroll.contentItem
        flick.contentY = Math.max(0, Math.min(platformFields.y, flick.contentHeight - flick.height))
    }
    title: house.address !== "" ? house.address : qsTr("House")
    background: Rectangle { color: Theme.background }

    HouseController {
        id: house
        session: Session
        buildingId: page.buildingId
    }
    InspectionHistoryModel {
        id: history
        session: Session
        buildingId: page.buildingId
    }
    VisitController {
        id: visit
        objectName: "visitController"
        session: Session
        buildingId: page.buildingId
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        // --- basic info -------------------------------------------------------------------
        Pane {
            Layout.fillHeight: true
            Layout.preferredWidth: parent.width * 0.58
            padding: Theme.margin
            background: Rectangle { color: Theme.surface; radius: Theme.radius }

            ColumnLayout {
                anchors.fill: parent
                spacing: Theme.spacing

                Label {
                    text: house.region
                    color: Theme.textSecondary
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
                AnjuErrorBanner { Layout.fillWidth: true; text: house.errorString }

                ScrollView {
                    id: formScroll
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    contentWidth: availableWidth

                    ColumnLayout {
                        width: formScroll.availableWidth
                        spacing: 6

                        AnjuFieldRow {
                            label: qsTr("Owner")
                            error: house.fieldErrors.owner_name || ""
                            TextField {
                                width: parent.width
                                text: house.fields.owner_name || ""
                                onTextEdited: house.setField("owner_name", text)
                            }
                        }
                        AnjuFieldRow {
                            label: qsTr("Contact")
                            error: house.fieldErrors.owner_contact || ""
                            TextField {
                                width: parent.width
                                text: house.fields.owner_contact || ""
                                inputMethodHints: Qt.ImhDialableCharactersOnly
                                onTextEdited: house.setField("owner_contact", text)
                            }
                        }
                        AnjuFieldRow {
                            label: qsTr("Year built")
                            error: house.fieldErrors.year_built || ""
                            TextField {
                                objectName: "yearBuiltField"
                                width: parent.width
                                text: house.fields.year_built || ""
                                inputMethodHints: Qt.ImhDigitsOnly
                                onTextEdited: house.setField("year_built", text)
                            }
                        }
                        AnjuFieldRow {
                            label: qsTr("Storeys above ground")
                            error: house.fieldErrors.storeys_above || ""
                            TextField {
                                width: parent.width
                                text: house.fields.storeys_above || ""
                                inputMethodHints: Qt.ImhDigitsOnly
                                onTextEdited: house.setField("storeys_above", text)
                            }
                        }
                        AnjuFieldRow {
                            label: qsTr("Storeys below ground")
                            error: house.fieldErrors.storeys_below || ""
                            TextField {
                                width: parent.width
                                text: house.fields.storeys_below || ""
                                inputMethodHints: Qt.ImhDigitsOnly
                                onTextEdited: house.setField("storeys_below", text)
                            }
                        }
                        AnjuFieldRow {
                            label: qsTr("Floor area (m²)")
                            error: house.fieldErrors.floor_area || ""
                            TextField {
                                width: parent.width
                                text: house.fields.floor_area || ""
                                inputMethodHints: Qt.ImhFormattedNumbersOnly
                                onTextEdited: house.setField("floor_area", text)
                            }
                        }
                        AnjuFieldRow {
                            label: qsTr("Structure")
                            error: house.fieldErrors.structure || ""
                            ComboBox {
                                width: parent.width
                                textRole: "label"
                                valueRole: "code"
                                model: house.structureOptions
                                currentIndex: Theme.indexOfCode(house.structureOptions, house.fields.structure || "")
                                onActivated: house.setField("structure", currentValue)
                            }
                        }
                        AnjuFieldRow {
                            label: qsTr("Use")
                            error: house.fieldErrors.use || ""
                            ComboBox {
                                width: parent.width
                                textRole: "label"
                                valueRole: "code"
                                model: house.useOptions
                                currentIndex: Theme.indexOfCode(house.useOptions, house.fields.use || "")
                                onActivated: house.setField("use", currentValue)
                            }
                        }
                        AnjuFieldRow {
                            label: qsTr("Design")
                            error: house.fieldErrors.design || ""
                            ComboBox {
                                width: parent.width
                                textRole: "label"
                                valueRole: "code"
                                model: house.designOptions
                                currentIndex: Theme.indexOfCode(house.designOptions, house.fields.design || "")
                                onActivated: house.setField("design", currentValue)
                            }
                        }
                        AnjuFieldRow {
                            label: qsTr("Alterations")
                            error: house.fieldErrors.alterations || ""
                            Flow {
                                width: parent.width
                                spacing: 4
                                Repeater {
                                    model: house.alterationOptions
                                    CheckBox {
                                        required property var modelData
                                        text: modelData.label
                                        checked: (house.fields.alterations || []).indexOf(modelData.code) >= 0
                                        onToggled: {
                                            let list = (house.fields.alterations || []).slice()
                                            const at = list.indexOf(modelData.code)
                                            if (checked && at < 0) list.push(modelData.code)
                                            if (!checked && at >= 0) list.splice(at, 1)
                                            house.setField("alterations", list)
                                        }
                                    }
                                }
                            }
                        }
                        AnjuPlatformFields {
                            id: platformFields
                            Layout.fillWidth: true
                            house: page.controller
                            onYChanged: page.scrollToPlatform()
                            onHeightChanged: page.scrollToPlatform()
                        }
                    }
                }

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Label {
                        Layout.fillWidth: true
                        text: house.dirty ? qsTr("Unsaved changes") : ""
                        color: Theme.textSecondary
                    }
                    AnjuButton {
                        text: qsTr("Undo changes")
                        flat: true
                        enabled: house.dirty
                        implicitHeight: Theme.touch
                        onClicked: house.revert()
                    }
                    AnjuButton {
                        objectName: "saveHouseButton"
                        text: qsTr("Save")
                        highlighted: true
                        enabled: house.dirty
                        implicitHeight: Theme.touch
                        onClicked: house.save()
                    }
                }
            }
        }

        // --- history and inspection ---------------------------------------------------------
        Pane {
            Layout.fillHeight: true
            Layout.fillWidth: true
            padding: Theme.margin
            background: Rectangle { color: Theme.surface; radius: Theme.radius }

            ColumnLayout {
                anchors.fill: parent
                spacing: Theme.spacing

                AnjuButton {
                    objectName: "inspectButton"
                    Layout.fillWidth: true
                    implicitHeight: Theme.touch + 8
                    highlighted: true
                    text: history.hasOpenInspection ? qsTr("Continue inspection") : qsTr("Start inspection")
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("InspectionPage.qml"),
                                                        { buildingId: page.buildingId })
                }
                AnjuVisitPanel {
                    id: visitPanel
                    Layout.fillWidth: true
                    controller: visit
                    buildingId: page.buildingId
                }
                Label {
                    text: qsTr("Inspection history")
                    font.bold: true
                    font.pixelSize: Theme.fontLarge
                }
                ListView {
                    id: historyList
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: history
                    spacing: 8
                    delegate: Rectangle {
                        id: entry
                        required property string started
                        required property string inspector
                        required property string reviewLabel
                        required property string judgment
                        required property string judgmentLabel
                        required property bool overridden
                        required property int findingCount
                        required property string reviewComment
                        width: ListView.view.width
                        height: entryColumn.implicitHeight + 16
                        radius: Theme.radius
                        border.color: Theme.divider
                        ColumnLayout {
                            id: entryColumn
                            anchors.fill: parent
                            anchors.margins: 8
                            spacing: 4
                            RowLayout {
                                Layout.fillWidth: true
                                Label { text: entry.started; font.bold: true; Layout.fillWidth: true }
                                AnjuJudgmentBadge { judgment: entry.judgment; label: entry.judgmentLabel }
                            }
                            Label {
                                text: qsTr("%1 · %2 · %n finding(s)", "", entry.findingCount)
                                      .arg(entry.inspector).arg(entry.reviewLabel)
                                      + (entry.overridden ? qsTr(" · judgment overridden") : "")
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontSmall
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                            }
                            Label {
                                visible: entry.reviewComment !== ""
                                text: qsTr("Reviewer: %1").arg(entry.reviewComment)
                                color: Theme.error
                                font.pixelSize: Theme.fontSmall
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                    Label {
                        anchors.centerIn: parent
                        visible: historyList.count === 0
                        text: qsTr("Not inspected yet.")
                        color: Theme.textSecondary
                    }
                }
            }
        }
    }
}
