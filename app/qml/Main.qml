import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Anju

// The window: a tool bar (back, title, language, sync) over a stack of pages.
ApplicationWindow {
    id: window

    // Set by main(): which page to open first and, for house pages, which house.
    property string startPage: "houses"
    property string startBuildingId: ""
    // "photo" / "annotation" screenshots: a picture to add to the inspection first.
    property string startPhotoUrl: ""

    width: 1280
    height: 800
    visible: true
    title: qsTr("Anju — house safety inspection")
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontNormal
    color: Theme.background
    Material.primary: Theme.primary
    Material.accent: Theme.primary

    function openHouse(buildingId) {
        stack.push(Qt.resolvedUrl("HousePage.qml"), { buildingId: buildingId })
    }
    function openInspection(buildingId) {
        stack.push(Qt.resolvedUrl("InspectionPage.qml"), { buildingId: buildingId })
    }
    function openJudgment(controller) {
        stack.push(Qt.resolvedUrl("JudgmentPage.qml"), { controller: controller })
    }
    function openSync() { stack.push(Qt.resolvedUrl("SyncPage.qml")) }
    function openSignIn() { stack.push(Qt.resolvedUrl("SignInPage.qml")) }
    function openMap() { stack.push(Qt.resolvedUrl("MapPage.qml")) }

    header: ToolBar {
        Material.foreground: "white"
        height: 56
        background: Rectangle { color: Theme.primary }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 4
            anchors.rightMargin: 8
            spacing: 4
            ToolButton {
                objectName: "backButton"
                text: "‹"
                font.pixelSize: 32
                visible: stack.depth > 1
                implicitWidth: Theme.touch
                implicitHeight: Theme.touch
                onClicked: stack.pop()
                Accessible.name: qsTr("Back")
            }
            Label {
                text: stack.currentItem && stack.currentItem.title ? stack.currentItem.title : ""
                font.pixelSize: Theme.fontLarge
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
                Layout.leftMargin: stack.depth > 1 ? 0 : Theme.margin
            }
            Label {
                text: Session.userName !== "" ? qsTr("Inspector: %1").arg(Session.userName) : ""
                font.pixelSize: Theme.fontSmall
                Layout.rightMargin: Theme.spacing
            }
            ToolButton {
                text: Session.language === "en" ? "中文" : "English"
                implicitHeight: Theme.touch
                onClicked: Session.language = (Session.language === "en" ? "zh_CN" : "en")
            }
            ToolButton {
                objectName: "mapToolButton"
                text: qsTr("Map")
                implicitHeight: Theme.touch
                visible: !(stack.currentItem && stack.currentItem.objectName === "mapPage")
                onClicked: window.openMap()
            }
            ToolButton {
                objectName: "syncToolButton"
                text: qsTr("Sync")
                implicitHeight: Theme.touch
                visible: !(stack.currentItem && stack.currentItem.objectName === "syncPage")
                onClicked: window.openSync()
            }
        }
    }

    StackView {
        id: stack
        objectName: "pageStack"
        anchors.fill: parent
        initialItem: HousesPage {}
    }

    Component.onCompleted: {
        if (startPage === "house") {
            openHouse(startBuildingId)
        } else if (startPage === "inspection") {
            openInspection(startBuildingId)
        } else if (startPage === "judgment") {
            openInspection(startBuildingId)
            stack.currentItem.showJudgment()
        } else if (startPage === "map") {
            openMap()
        } else if (startPage === "sync") {
            openSync()
        } else if (startPage === "signin") {
            openSignIn()
        } else if (startPage === "walls") {
            openInspection(startBuildingId)
            stack.currentItem.controller.sectionIndex = 2
        } else if (startPage === "revisit" || startPage === "crack") {
            // A re-inspection of an approved house with a wall crack, the crack measured wider.
            openInspection(startBuildingId)
            const inspection = stack.currentItem.controller
            inspection.sectionIndex = 2
            inspection.setAnswer("wall_cracks", true)
            inspection.setAnswer("wall_crack_direction", "vertical")
            inspection.setAnswer("wall_crack_count", "several")
            inspection.setAnswer("wall_crack_width", "0.6")
            // "crack": the finding with the crack's width history and the growth flag.
            if (startPage === "crack") stack.currentItem.showingFindings = true
        } else if (startPage === "findings") {
            openInspection(startBuildingId)
            stack.currentItem.showingFindings = true
        } else if (startPage === "camera") {
            openInspection(startBuildingId)
            stack.currentItem.takePhoto("", -1)
        } else if (startPage === "issues") {
            openSync()
            stack.push(Qt.resolvedUrl("SyncIssuesPage.qml"))
        } else if (startPage === "photo" || startPage === "annotation") {
            // A photo of the crack, described, then (annotation) an arrow, a circle and a text.
            openInspection(startBuildingId)
            const inspection = stack.currentItem.controller
            inspection.photos.add(startPhotoUrl, "", -1)
            const ids = inspection.photos.ids()
            const photo = ids[ids.length - 1]
            inspection.photos.setCategory(photo, "crack")
            inspection.photos.setCaption(photo, qsTr("North wall, vertical crack above the door"))
            // Without the push animations: the shot is taken once, after a fixed pause.
            stack.push(Qt.resolvedUrl("PhotoPage.qml"), { controller: inspection, photoId: photo },
                       StackView.Immediate)
            if (startPage === "annotation") {
                stack.push(Qt.resolvedUrl("PhotoAnnotationPage.qml"),
                           { controller: inspection, photoId: photo, viewer: stack.currentItem },
                           StackView.Immediate)
                const annotation = stack.currentItem
                annotation.addShape({ kind: "arrow", x1: 0.22, y1: 0.78, x2: 0.46, y2: 0.5 })
                annotation.addShape({ kind: "circle", x1: 0.52, y1: 0.32, x2: 0.62, y2: 0.32 })
                annotation.addShape({ kind: "text", x1: 0.06, y1: 0.9, text: qsTr("Crack 1.5 mm") })
            }
        } else if (startPage === "visit") {
            openHouse(startBuildingId)
            stack.currentItem.visitChoosing = true
        } else if (startPage === "house-platform") {
            // The house page scrolled to the national platform's fields.
            openHouse(startBuildingId)
            stack.currentItem.showingPlatform = true
        }
    }
}
