import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// The checklist, one section per screen, with the findings and the way to the judgment. Every
// answer is saved as a draft the moment it is given.
Page {
    id: page
    objectName: "inspectionPage"
    property string buildingId: ""
    property alias controller: inspection
    // -1: the findings list instead of a checklist section.
    property bool showingFindings: false
    title: inspection.address !== "" ? qsTr("Inspection · %1").arg(inspection.address) : qsTr("Inspection")
    background: Rectangle { color: Theme.background }

    function showJudgment() {
        page.StackView.view.push(Qt.resolvedUrl("JudgmentPage.qml"), { controller: inspection })
    }

    InspectionController {
        id: inspection
        session: Session
        buildingId: page.buildingId
    }
    // Typed text waiting for its short pause is committed whenever the inspector moves on.
    onShowingFindingsChanged: inspection.flushTyping()
    StackView.onDeactivating: inspection.flushTyping()
    Connections {
        target: Qt.application
        function onAboutToQuit() { inspection.flushTyping() }
    }

    // The camera page (or, without a camera, picture files) takes the photo for an item or a
    // finding and imports it through the controller.
    function takePhoto(itemId, findingRow) {
        inspection.flushTyping()
        page.StackView.view.push(Qt.resolvedUrl("CameraPage.qml"),
                                 { controller: inspection, itemId: itemId, findingRow: findingRow })
    }

    // A photo full size: caption, category, delete (draft only), annotate.
    function openPhoto(photoId) {
        inspection.flushTyping()
        page.StackView.view.push(Qt.resolvedUrl("PhotoPage.qml"),
                                 { controller: inspection, photoId: photoId })
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        // --- sections ---------------------------------------------------------------------
        Pane {
            Layout.fillHeight: true
            Layout.preferredWidth: 260
            padding: 0
            background: Rectangle { color: Theme.surface; radius: Theme.radius }
            ListView {
                id: sections
                anchors.fill: parent
                clip: true
                model: inspection.sectionTitles.concat([qsTr("Findings (%1)").arg(inspection.findings.model.count)])
                delegate: ItemDelegate {
                    required property int index
                    required property string modelData
                    width: ListView.view.width
                    height: Theme.touch + 4
                    text: (index < inspection.sectionCount ? (index + 1) + ". " : "") + modelData
                    highlighted: page.showingFindings ? index === inspection.sectionCount
                                                      : index === inspection.sectionIndex
                    onClicked: {
                        page.showingFindings = index === inspection.sectionCount
                        if (!page.showingFindings) inspection.sectionIndex = index
                    }
                }
            }
        }

        // --- the current section --------------------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: page.showingFindings ? qsTr("Findings") : inspection.sectionTitle
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    elide: Text.ElideRight
                }
                Label {
                    text: inspection.savedAt !== "" ? qsTr("Draft saved %1").arg(inspection.savedAt) : ""
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
                // 本节全部正常: every unanswered hazard question of this section recorded as
                // "no hazard" in one tap (questions that ask no hazard are left to the inspector).
                AnjuButton {
                    objectName: "sectionNormalButton"
                    visible: !page.showingFindings && inspection.editable
                    text: qsTr("All normal in this section")
                    implicitHeight: Theme.touch
                    onClicked: inspection.recordSectionNoHazard()
                }
            }
            AnjuErrorBanner {
                Layout.fillWidth: true
                text: inspection.errorString
            }
            // A re-inspection: each question shows what the previous inspection answered.
            Label {
                objectName: "previousInspectionNote"
                visible: inspection.previousInspectedAt !== "" && !page.showingFindings
                Layout.fillWidth: true
                text: qsTr("Compared with the inspection of %1: its answers are shown under each question.")
                      .arg(inspection.previousInspectedAt)
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
            Label {
                visible: inspection.reviewComment !== ""
                Layout.fillWidth: true
                text: qsTr("Returned by the reviewer: %1").arg(inspection.reviewComment)
                color: Theme.error
                wrapMode: Text.Wrap
            }

            ListView {
                id: itemList
                objectName: "itemList"
                visible: !page.showingFindings
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 8
                model: inspection.items
                ScrollBar.vertical: ScrollBar {}
                delegate: AnjuChecklistItem {
                    controller: inspection
                    onPhotoRequested: (itemId) => page.takePhoto(itemId, -1)
                    onPhotoOpened: (photoId) => page.openPhoto(photoId)
                }
            }

            ListView {
                id: findingList
                objectName: "findingList"
                visible: page.showingFindings
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 8
                model: inspection.findings.model
                ScrollBar.vertical: ScrollBar {}
                delegate: AnjuFindingCard {
                    controller: inspection
                    onPhotoRequested: (row) => page.takePhoto("", row)
                    onPhotoOpened: (photoId) => page.openPhoto(photoId)
                }
                header: RowLayout {
                    width: ListView.view.width
                    spacing: Theme.spacing
                    Label { text: qsTr("Add a finding:"); color: Theme.textSecondary }
                    ComboBox {
                        id: newHazard
                        Layout.preferredWidth: 260
                        implicitHeight: Theme.touch
                        textRole: "label"
                        valueRole: "code"
                        model: inspection.findings.hazardOptions
                    }
                    ComboBox {
                        id: newComponent
                        Layout.preferredWidth: 220
                        implicitHeight: Theme.touch
                        textRole: "label"
                        valueRole: "code"
                        model: inspection.findings.componentOptions
                    }
                    AnjuButton {
                        text: qsTr("Add")
                        implicitHeight: Theme.touch
                        enabled: inspection.editable
                        onClicked: inspection.findings.add(newComponent.currentValue, newHazard.currentValue)
                    }
                    Item { Layout.fillWidth: true }
                }
                // Every photo of the inspection (the house's, the photo items', the findings',
                // annotated copies beside their originals); a tap opens it full size.
                footer: ColumnLayout {
                    id: gallery
                    width: ListView.view.width
                    spacing: Theme.spacing / 2
                    readonly property var photoIds: (inspection.photos.revision, inspection.photos.ids())
                    Label {
                        Layout.topMargin: Theme.spacing
                        text: qsTr("All photos (%1)").arg(gallery.photoIds.length)
                        font.bold: true
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 6
                        Repeater {
                            model: gallery.photoIds
                            Image {
                                required property string modelData
                                objectName: "galleryThumbnail"
                                source: inspection.photos.thumbnailOf(modelData)
                                width: 96
                                height: 72
                                fillMode: Image.PreserveAspectCrop
                                asynchronous: true
                                TapHandler { onTapped: page.openPhoto(parent.modelData) }
                            }
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: findingList.count === 0
                    text: qsTr("No findings. Hazard answers in the checklist add them here.")
                    color: Theme.textSecondary
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                AnjuButton {
                    text: qsTr("Previous")
                    implicitHeight: Theme.touch
                    enabled: page.showingFindings || inspection.sectionIndex > 0
                    onClicked: {
                        if (page.showingFindings) page.showingFindings = false
                        else inspection.sectionIndex = inspection.sectionIndex - 1
                    }
                }
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: page.showingFindings ? "" : qsTr("Section %1 of %2")
                                                      .arg(inspection.sectionIndex + 1).arg(inspection.sectionCount)
                    color: Theme.textSecondary
                }
                AnjuButton {
                    objectName: "nextButton"
                    text: page.showingFindings || inspection.sectionIndex === inspection.sectionCount - 1
                          ? qsTr("To the judgment") : qsTr("Next")
                    highlighted: true
                    implicitHeight: Theme.touch
                    onClicked: {
                        if (page.showingFindings) page.showJudgment()
                        else if (inspection.sectionIndex === inspection.sectionCount - 1) page.showingFindings = true
                        else inspection.sectionIndex = inspection.sectionIndex + 1
                    }
                }
            }
        }
    }
}
