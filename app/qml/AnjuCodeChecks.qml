import QtQuick
import QtQuick.Controls

// A set of check boxes over a code list: `codes` are the checked ones, `toggledCodes(list)` hands
// back the new list. `aloneCode` ("none", 无) is an answer of its own: checking it clears the
// others, checking another clears it.
Flow {
    id: checks
    property var options: []
    property var codes: []
    property string aloneCode: ""
    signal toggledCodes(var list)

    spacing: 4
    Repeater {
        model: checks.options
        CheckBox {
            required property var modelData
            text: modelData.label
            checked: (checks.codes || []).indexOf(modelData.code) >= 0
            onToggled: {
                let list = (checks.codes || []).slice()
                const code = modelData.code
                const at = list.indexOf(code)
                if (checked && at < 0) {
                    if (code === checks.aloneCode)
                        list = []
                    else if (checks.aloneCode !== "")
                        list = list.filter(c => c !== checks.aloneCode)
                    list.push(code)
                }
                if (!checked && at >= 0) list.splice(at, 1)
                checks.toggledCodes(list)
            }
        }
    }
}
