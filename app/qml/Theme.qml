pragma Singleton
import QtQuick

// Colours and sizes of the whole app. Judgment colours are fixed by the brief: serious red,
// some orange, none green.
QtObject {
    readonly property color serious: "#D32F2F"
    readonly property color some: "#F57C00"
    readonly property color none: "#388E3C"
    readonly property color unknown: "#9E9E9E"
    readonly property color primary: "#1565C0"
    readonly property color text: "#212121"
    readonly property color textSecondary: "#616161"
    readonly property color divider: "#E0E0E0"
    readonly property color background: "#F5F5F5"
    readonly property color surface: "#FFFFFF"
    readonly property color sectionBackground: "#E3F2FD"
    readonly property color error: "#C62828"
    readonly property color errorBackground: "#FFEBEE"

    readonly property int touch: 48          // minimum height of anything tappable
    readonly property int spacing: 12
    readonly property int margin: 16
    readonly property int radius: 6
    readonly property int fontSmall: 14
    readonly property int fontNormal: 17
    readonly property int fontLarge: 20
    readonly property int fontTitle: 26
    readonly property string fontFamily: "Noto Sans CJK SC"

    function judgmentColor(code) {
        if (code === "serious") return serious
        if (code === "some") return some
        if (code === "none_found") return none
        return unknown
    }

    // Index of the option with this code in a [{code, label}] list, -1 when absent. A plain
    // function of its arguments, so bindings using it follow both the options and the code.
    function indexOfCode(options, code) {
        if (!options) return -1
        for (let i = 0; i < options.length; ++i)
            if (options[i].code === code) return i
        return -1
    }

    function statusColor(code) {
        if (code === "in_progress") return "#1976D2"
        if (code === "submitted") return "#5E35B1"
        if (code === "returned") return "#C62828"
        if (code === "approved") return "#2E7D32"
        return "#757575"
    }
}
