/** @odoo-module */
// Copyright 2026 HR Performance Suite Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {PercentageField, percentageField} from "@web/views/fields/percentage/percentage_field";
import {formatPercentage} from "@web/views/fields/formatters";
import {registry} from "@web/core/registry";
import {useInputField} from "@web/views/fields/input_field_hook";
import {useNumpadDecimal} from "@web/views/fields/numpad_decimal_hook";
import {parsePercentage} from "@web/views/fields/parsers";

/**
 * A percentage where 0 means "none" (an open end, no cap): shows the field's
 * placeholder (e.g. "No upper limit", translated with the view) instead of
 * "0%", and an empty input while editing.
 */
export class PercentageOpenField extends PercentageField {
    setup() {
        // not super.setup(): one input hook only, with the empty value
        useInputField({
            getValue: () => {
                const value = this.props.record.data[this.props.name];
                return value
                    ? formatPercentage(value, {
                          digits: this.props.digits,
                          noSymbol: true,
                          field: this.props.record.fields[this.props.name],
                      })
                    : "";
            },
            refName: "numpadDecimal",
            parse: (v) => (v.trim() ? parsePercentage(v) : 0),
        });
        useNumpadDecimal();
    }

    get formattedValue() {
        if (!this.props.record.data[this.props.name]) {
            return this.props.placeholder || "—";
        }
        return super.formattedValue;
    }
}

export const percentageOpenField = {
    ...percentageField,
    component: PercentageOpenField,
};

registry.category("fields").add("percentage_open", percentageOpenField);
