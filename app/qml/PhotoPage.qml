import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// 照片: one photo of the inspection full size, with what the inspector says of it (caption,
// category), its annotated copies or the original it was drawn from, and the ways to annotate
// it (on a copy) and to delete it — deleting only while the inspection is a draft never
// submitted: a submitted inspection's photos are evidence.
Page {
    id: page
    objectName: "photoPage"
    property InspectionController controller
    property string photoId: ""
    // Re-read whenever the inspection's photos change (a caption saved, a copy added).
    readonly property var info: page.controller && page.photoId !== ""
                                ? (page.controller.photos.revision, page.controller.photos.photo(page.photoId)) : ({})
    property bool confirmingDelete: false
    // The field shows the stored caption unless the inspector is typing in it.
    function showInfo() {
        if (!caption.activeFocus) caption.text = page.info.caption || ""
        category.currentIndex = Theme.indexOfCode(category.model, page.info.category)
    }
    onInfoChanged: showInfo()
    Component.onCompleted: showInfo()
    title: info.annotatedFrom ? qsTr("Annotated copy") : qsTr("Photo")
    background: Rectangle { color: Theme.background }

    function annotate() {
        page.StackView.view.push(Qt.resolvedUrl("PhotoAnnotationPage.qml"),
                                 { controller: page.controller, photoId: page.photoId, viewer: page })
    }
    function deleteConfirmed() {
        page.confirmingDelete = false
        if (page.controller.photos.remove(page.photoId)) page.StackView.view.pop()
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin

        // --- the picture, full size (scaled to fit; a pinch or double tap zooms) -----------
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: "black"
            radius: Theme.radius
            clip: true
            Flickable {
                id: flick
                anchors.fill: parent
                contentWidth: Math.max(width, picture.width * picture.scale)
                contentHeight: Math.max(height, picture.height * picture.scale)
                Image {
                    id: picture
                    objectName: "fullSizeImage"
                    width: flick.width
                    height: flick.height
                    source: page.info.source || ""
                    fillMode: Image.PreserveAspectFit
                    asynchronous: true
                    transformOrigin: Item.TopLeft
                    TapHandler {
                        onDoubleTapped: picture.scale = picture.scale > 1 ? 1 : 2
                    }
                    PinchHandler {
                        target: picture
                        minimumScale: 1
                        maximumScale: 4
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: !page.info.source
                text: qsTr("The picture is not on this tablet.")
                color: "white"
            }
        }

        // --- what is said of it, and what can be done -----------------------------------
        ColumnLayout {
            Layout.preferredWidth: 380
            Layout.maximumWidth: 380
            Layout.fillHeight: true
            spacing: Theme.spacing

            AnjuErrorBanner {
                Layout.fillWidth: true
                text: page.controller ? page.controller.errorString : ""
            }
            Label {
                visible: !!page.info.annotatedFrom
                Layout.fillWidth: true
                text: qsTr("Annotated copy: the original photo is kept unchanged.")
                color: Theme.serious
                wrapMode: Text.Wrap
            }
            Label { text: qsTr("Category") }
            ComboBox {
                id: category
                objectName: "categoryBox"
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                enabled: !!page.info.editable
                textRole: "label"
                valueRole: "code"
                model: page.controller ? page.controller.photos.categories : []
                displayText: currentIndex < 0 ? qsTr("Not chosen") : currentText
                onActivated: page.controller.photos.setCategory(page.photoId, currentValue)
            }
            Label { text: qsTr("Caption") }
            TextField {
                id: caption
                objectName: "captionField"
                Layout.fillWidth: true
                enabled: !!page.info.editable
                placeholderText: qsTr("What the photo shows, e.g. north wall, crack above the window")
                onEditingFinished: if (text !== (page.info.caption || ""))
                                       page.controller.photos.setCaption(page.photoId, text)
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Taken %1").arg(page.info.capturedAt || "")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
            }
            Label {
                objectName: "hashLabel"
                Layout.fillWidth: true
                text: qsTr("SHA-256 %1…").arg((page.info.sha256 || "").substring(0, 16))
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
            }
            AnjuButton {
                objectName: "showOriginalButton"
                visible: !!page.info.annotatedFrom
                Layout.fillWidth: true
                text: qsTr("Show the original")
                onClicked: page.photoId = page.info.annotatedFrom
            }
            Repeater {
                model: page.info.copies || []
                AnjuButton {
                    required property string modelData
                    required property int index
                    Layout.fillWidth: true
                    text: qsTr("Annotated copy %1").arg(index + 1)
                    onClicked: page.photoId = modelData
                }
            }
            Item { Layout.fillHeight: true }
            AnjuButton {
                objectName: "annotateButton"
                Layout.fillWidth: true
                text: qsTr("Annotate (on a copy)")
                highlighted: true
                enabled: !!page.info.editable && !!page.info.source
                onClicked: page.annotate()
            }
            Label {
                visible: !!page.info.editable && !page.info.deletable
                Layout.fillWidth: true
                text: qsTr("This inspection was submitted before: its photos are evidence and cannot be deleted.")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
            AnjuButton {
                objectName: "deleteButton"
                visible: !page.confirmingDelete
                Layout.fillWidth: true
                text: qsTr("Delete photo")
                enabled: !!page.info.deletable
                onClicked: page.confirmingDelete = true
            }
            RowLayout {
                visible: page.confirmingDelete
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: (page.info.copies || []).length > 0
                          ? qsTr("Delete this photo and its annotated copies?") : qsTr("Delete this photo?")
                    wrapMode: Text.Wrap
                }
                AnjuButton {
                    text: qsTr("Keep")
                    onClicked: page.confirmingDelete = false
                }
                AnjuButton {
                    objectName: "confirmDeleteButton"
                    text: qsTr("Delete")
                    highlighted: true
                    onClicked: page.deleteConfirmed()
                }
            }
        }
    }
}
