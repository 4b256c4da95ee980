import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import QtMultimedia
import Anju

// 拍照: the tablet's camera through Qt Multimedia (viewfinder and shutter). Without a camera
// (MediaDevices has no video input) the page offers the picture files instead. Either way the
// picture goes through the controller's import: resized to a 2048 px long edge, thumbnail,
// SHA-256, stamped with the position when the tablet has one.
Page {
    id: page
    objectName: "cameraPage"
    title: qsTr("Photo")
    property InspectionController controller
    property string itemId: ""
    property int findingRow: -1
    property string errorText: ""
    readonly property bool hasCamera: devices.videoInputs.length > 0
    background: Rectangle { color: Theme.background }

    function imported(ok) {
        if (ok) page.StackView.view.pop()
        else errorText = controller.errorString
    }

    MediaDevices { id: devices }

    CaptureSession {
        camera: Camera {
            id: camera
            active: page.hasCamera && page.StackView.status === StackView.Active
        }
        imageCapture: ImageCapture {
            id: capture
            onImageSaved: (requestId, path) => page.imported(
                              page.controller.photos.addCaptured(path, page.itemId, page.findingRow))
            onErrorOccurred: (requestId, error, message) => page.errorText = message
        }
        videoOutput: viewfinder
    }

    FileDialog {
        id: fileDialog
        objectName: "fileDialog"
        // Qt 6.4 looks for the dialog's window only when the page is created, before the
        // StackView has put it into one; without a window the non-native picker never shows.
        parentWindow: page.Window.window
        title: qsTr("Choose a photo")
        nameFilters: [qsTr("Pictures (*.jpg *.jpeg *.png)")]
        onAccepted: page.imported(page.controller.photos.add(selectedFile, page.itemId, page.findingRow))
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        AnjuErrorBanner {
            Layout.fillWidth: true
            text: page.errorText
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: page.hasCamera ? "black" : Theme.surface

            VideoOutput {
                id: viewfinder
                anchors.fill: parent
                visible: page.hasCamera
                fillMode: VideoOutput.PreserveAspectFit
            }

            ColumnLayout {
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.margin, 560)
                visible: !page.hasCamera
                spacing: Theme.spacing
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("No camera found on this device")
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("Choose a picture taken earlier. It is resized and kept with the inspection "
                               + "like a camera photo.")
                    color: Theme.textSecondary
                    wrapMode: Text.Wrap
                }
                AnjuButton {
                    objectName: "chooseFileButton"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Choose from files")
                    highlighted: true
                    onClicked: fileDialog.open()
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "positionLabel"
                Layout.fillWidth: true
                text: page.controller && page.controller.photos.positionText !== ""
                      ? qsTr("Position: %1").arg(page.controller.photos.positionText)
                      : qsTr("No position available: the photo is kept without a location.")
                color: Theme.textSecondary
                elide: Text.ElideRight
            }
            AnjuButton {
                visible: page.hasCamera
                text: qsTr("From files")
                onClicked: fileDialog.open()
            }
            AnjuButton {
                objectName: "shutterButton"
                visible: page.hasCamera
                text: qsTr("Take photo")
                highlighted: true
                implicitWidth: 200
                enabled: capture.readyForCapture
                onClicked: capture.captureToFile(page.controller.photos.captureDirectory())
            }
        }
    }
}
