import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Anju

// The app's button: flat Material (no elevation shadow, which needs a GPU shader and vanishes
// under software rendering) and at least touch size.
Button {
    Material.elevation: 0
    implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
    font.pixelSize: Theme.fontNormal
    font.capitalization: Font.MixedCase
}
