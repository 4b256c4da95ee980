import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// 标注: arrows, circles and text drawn over a photo. Nothing touches the photo while drawing;
// "Save" renders the shapes into a COPY (InspectionPhotos.annotate), stored as a photo of its
// own with its own SHA-256 and linked to the original, which is kept as it was.
// Shapes are kept relative to the picture (0..1), so they do not depend on the screen size:
// arrow {x1, y1} tail -> {x2, y2} head; circle centre {x1, y1}, rim {x2, y2}; text at {x1, y1}.
Page {
    id: page
    objectName: "photoAnnotationPage"
    property InspectionController controller
    property string photoId: ""
    property Item viewer  // the PhotoPage that opened this one; shows the copy once saved
    property string tool: "arrow"  // "arrow", "circle", "text"
    property var shapes: []
    readonly property var info: page.controller && page.photoId !== "" ? page.controller.photos.photo(page.photoId) : ({})
    title: qsTr("Annotate photo")
    background: Rectangle { color: Theme.background }

    function addShape(shape) {
        shapes = shapes.concat([shape])
        canvas.requestPaint()
    }
    function undo() {
        shapes = shapes.slice(0, shapes.length - 1)
        canvas.requestPaint()
    }
    function save() {
        const copy = page.controller.photos.annotate(page.photoId, page.shapes)
        if (copy === "") return
        if (page.viewer) page.viewer.photoId = copy
        page.StackView.view.pop()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            AnjuChoiceButton {
                objectName: "arrowTool"
                text: qsTr("Arrow")
                selected: page.tool === "arrow"
                onClicked: page.tool = "arrow"
            }
            AnjuChoiceButton {
                objectName: "circleTool"
                text: qsTr("Circle")
                selected: page.tool === "circle"
                onClicked: page.tool = "circle"
            }
            AnjuChoiceButton {
                objectName: "textTool"
                text: qsTr("Text")
                selected: page.tool === "text"
                onClicked: page.tool = "text"
            }
            TextField {
                id: label
                objectName: "annotationText"
                Layout.fillWidth: true
                visible: page.tool === "text"
                placeholderText: qsTr("Text, then tap the photo where it goes")
            }
            Item { Layout.fillWidth: page.tool !== "text" }
            AnjuButton {
                objectName: "undoButton"
                text: qsTr("Undo")
                enabled: page.shapes.length > 0
                onClicked: page.undo()
            }
            AnjuButton {
                objectName: "saveAnnotationButton"
                text: qsTr("Save as a copy")
                highlighted: true
                enabled: page.shapes.length > 0
                onClicked: page.save()
            }
        }
        AnjuErrorBanner {
            Layout.fillWidth: true
            text: page.controller ? page.controller.errorString : ""
        }
        Label {
            Layout.fillWidth: true
            text: page.tool === "arrow" ? qsTr("Drag from where the arrow starts to what it points at.")
                  : page.tool === "circle" ? qsTr("Drag from the centre outwards to circle something.")
                  : qsTr("Type the text above, then tap the photo where it goes.")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: "black"
            radius: Theme.radius

            Image {
                id: picture
                objectName: "annotationImage"
                anchors.fill: parent
                source: page.info.source || ""
                fillMode: Image.PreserveAspectFit
            }
            // The picture as painted (letterboxed inside the frame): shapes live on it.
            Item {
                id: paper
                objectName: "annotationPaper"
                width: picture.paintedWidth
                height: picture.paintedHeight
                anchors.centerIn: picture
                // Screen pixels per picture pixel, to draw what the copy will get.
                readonly property real scale: picture.sourceSize.width > 0 ? width / picture.sourceSize.width : 1
                readonly property real line: Math.max(3, Math.min(picture.sourceSize.width, picture.sourceSize.height) / 160) * scale
                readonly property real fontSize: Math.max(18, picture.sourceSize.height / 18) * scale
                onWidthChanged: canvas.requestPaint()

                Canvas {
                    id: canvas
                    anchors.fill: parent
                    onPaint: {
                        const ctx = getContext("2d")
                        ctx.reset()
                        ctx.lineCap = "round"
                        ctx.lineJoin = "round"
                        const all = area.current ? page.shapes.concat([area.current]) : page.shapes
                        for (const s of all) drawShape(ctx, s)
                    }
                    function drawShape(ctx, s) {
                        const w = paper.width, h = paper.height
                        const ax = s.x1 * w, ay = s.y1 * h, bx = s.x2 * w, by = s.y2 * h
                        if (s.kind === "text") {
                            ctx.font = "bold " + Math.round(paper.fontSize) + "px sans-serif"
                            ctx.lineWidth = paper.line * 1.5
                            ctx.strokeStyle = "white"
                            ctx.strokeText(s.text, ax, ay)
                            ctx.fillStyle = Theme.serious
                            ctx.fillText(s.text, ax, ay)
                            return
                        }
                        ctx.beginPath()
                        if (s.kind === "circle") {
                            ctx.arc(ax, ay, Math.hypot(bx - ax, by - ay), 0, 2 * Math.PI)
                        } else {
                            const len = Math.hypot(bx - ax, by - ay)
                            const head = Math.max(paper.line * 5, len / 5)
                            const angle = Math.atan2(ay - by, ax - bx)
                            ctx.moveTo(ax, ay)
                            ctx.lineTo(bx, by)
                            for (const turn of [Math.PI / 6, -Math.PI / 6]) {
                                ctx.moveTo(bx, by)
                                ctx.lineTo(bx + head * Math.cos(angle + turn), by + head * Math.sin(angle + turn))
                            }
                        }
                        ctx.lineWidth = paper.line * 2
                        ctx.strokeStyle = "white"
                        ctx.stroke()
                        ctx.lineWidth = paper.line
                        ctx.strokeStyle = Theme.serious
                        ctx.stroke()
                    }
                }
                MouseArea {
                    id: area
                    anchors.fill: parent
                    preventStealing: true
                    property var current: null  // the shape being dragged
                    function at(mouse) {
                        return { x: Math.min(1, Math.max(0, mouse.x / paper.width)),
                                 y: Math.min(1, Math.max(0, mouse.y / paper.height)) }
                    }
                    onPressed: mouse => {
                        const p = at(mouse)
                        if (page.tool === "text") return
                        current = { kind: page.tool, x1: p.x, y1: p.y, x2: p.x, y2: p.y }
                    }
                    onPositionChanged: mouse => {
                        if (!current) return
                        const p = at(mouse)
                        current = { kind: current.kind, x1: current.x1, y1: current.y1, x2: p.x, y2: p.y }
                        canvas.requestPaint()
                    }
                    onReleased: mouse => {
                        const p = at(mouse)
                        if (page.tool === "text") {
                            if (label.text.trim() !== "")
                                page.addShape({ kind: "text", x1: p.x, y1: p.y, text: label.text.trim() })
                            return
                        }
                        const shape = current
                        current = null
                        if (shape && (shape.x1 !== p.x || shape.y1 !== p.y))
                            page.addShape({ kind: shape.kind, x1: shape.x1, y1: shape.y1, x2: p.x, y2: p.y })
                        else
                            canvas.requestPaint()
                    }
                }
            }
        }
    }
}
