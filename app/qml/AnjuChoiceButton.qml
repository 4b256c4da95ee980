import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Anju

// An answer option: a touch-size tile, filled when it is the chosen answer. Not checkable: the
// answer held by the controller decides `selected`, so a tap never leaves a stale state behind.
Button {
    id: option
    property bool selected: false
    Material.elevation: 0
    Material.foreground: selected ? "white" : Theme.text
    implicitHeight: Theme.touch
    leftPadding: 18
    rightPadding: 18
    font.pixelSize: Theme.fontNormal
    font.capitalization: Font.MixedCase
    background: Rectangle {
        radius: Theme.radius
        color: option.selected ? Theme.primary : (option.pressed ? "#CFD8DC" : "#ECEFF1")
        border.color: option.selected ? Theme.primary : "#B0BEC5"
        opacity: option.enabled ? 1 : 0.5
    }
}
