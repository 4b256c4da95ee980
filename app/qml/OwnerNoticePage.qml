import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// 隐患告知书: the notice as the owner reads it (the same drawing as the PDF), the signature pad,
// and the refusal with the inspector's note. Signing or refusing stores the PDF and the signature
// with the inspection (OwnerNoticeController).
Page {
    id: page
    objectName: "ownerNoticePage"
    property InspectionController controller
    title: qsTr("Owner notice")
    background: Rectangle { color: Theme.background }

    OwnerNoticeController {
        id: notice
        objectName: "ownerNotice"
        inspection: page.controller
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        anchors.margins: Theme.margin
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: qsTr("Notice No. %1").arg(notice.number)
                    font.pixelSize: Theme.fontLarge
                    Layout.fillWidth: true
                }
                AnjuStatusChip {
                    objectName: "noticeState"
                    status: notice.state === "unsigned" ? "in_progress" : "submitted"
                    label: notice.state === "signed" ? qsTr("Signed by the owner")
                        : notice.state === "refused" ? qsTr("Owner refused to sign")
                        : qsTr("Not signed yet")
                }
            }
            Image {
                objectName: "noticePreview"
                Layout.fillWidth: true
                Layout.preferredHeight: width * 842 / 595
                source: notice.previewUrl
                fillMode: Image.PreserveAspectFit
                asynchronous: false
                cache: false
            }
            AnjuErrorBanner {
                Layout.fillWidth: true
                text: notice.errorString
            }

            ColumnLayout {
                Layout.fillWidth: true
                visible: notice.state === "unsigned" && page.controller && page.controller.editable
                spacing: Theme.spacing
                Label { text: qsTr("Owner's signature"); font.pixelSize: Theme.fontLarge }
                AnjuSignaturePad {
                    id: pad
                    Layout.fillWidth: true
                    Layout.preferredHeight: 220
                }
                RowLayout {
                    spacing: Theme.spacing
                    AnjuButton {
                        objectName: "signButton"
                        text: qsTr("Confirm signature")
                        highlighted: true
                        enabled: !pad.empty
                        onClicked: notice.sign(pad.strokes, pad.width, pad.height)
                    }
                    AnjuButton {
                        text: qsTr("Clear")
                        flat: true
                        onClicked: pad.clear()
                    }
                }
                Label { text: qsTr("If the owner refuses to sign"); font.pixelSize: Theme.fontNormal }
                TextArea {
                    id: refusalNote
                    objectName: "refusalNote"
                    Layout.fillWidth: true
                    placeholderText: qsTr("What happened (who refused, why)")
                    wrapMode: TextEdit.Wrap
                    font.pixelSize: Theme.fontNormal
                }
                AnjuButton {
                    objectName: "refuseButton"
                    text: qsTr("Record refusal")
                    onClicked: notice.refuse(refusalNote.text)
                }
            }
        }
    }
}
