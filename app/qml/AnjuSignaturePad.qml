import QtQuick
import Anju

// A signature pad: the owner writes with a finger; each stroke is kept as a list of points (the
// vector form OwnerNoticeController stores and hashes) and drawn on a Canvas as it is written.
Rectangle {
    id: pad
    objectName: "signaturePad"
    property var strokes: []
    readonly property bool empty: strokes.length === 0
    color: "white"
    border.color: Theme.divider
    border.width: 2
    radius: Theme.radius
    implicitHeight: 220

    function clear() {
        strokes = []
        canvas.requestPaint()
    }
    // Adds a stroke from code (tests): points as [[x, y], ...] in pad coordinates.
    function addStroke(points) {
        const copy = strokes.slice()
        copy.push(points.map(p => Qt.point(p[0], p[1])))
        strokes = copy
        canvas.requestPaint()
    }

    Text {
        anchors.centerIn: parent
        visible: pad.empty
        text: qsTr("Owner signs here")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontLarge
    }
    Canvas {
        id: canvas
        anchors.fill: parent
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            ctx.lineWidth = 3
            ctx.lineCap = "round"
            ctx.lineJoin = "round"
            ctx.strokeStyle = "black"
            for (const stroke of pad.strokes.concat([area.current])) {
                if (stroke.length < 2) continue
                ctx.beginPath()
                ctx.moveTo(stroke[0].x, stroke[0].y)
                for (let i = 1; i < stroke.length; ++i) ctx.lineTo(stroke[i].x, stroke[i].y)
                ctx.stroke()
            }
        }
    }
    MouseArea {
        id: area
        anchors.fill: parent
        preventStealing: true  // a signature is not a scroll gesture
        property var current: []  // the stroke being written, kept out of `strokes` until released
        onPressed: mouse => { current = [Qt.point(mouse.x, mouse.y)] }
        onPositionChanged: mouse => {
            current.push(Qt.point(mouse.x, mouse.y))
            canvas.requestPaint()
        }
        onReleased: {
            if (current.length > 1) pad.strokes = pad.strokes.concat([current])
            current = []
            canvas.requestPaint()
        }
    }
}
