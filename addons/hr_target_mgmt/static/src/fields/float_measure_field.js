/** @odoo-module */
// Copyright 2026 HR Performance Suite Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {FloatField, floatField} from "@web/views/fields/float/float_field";
import {formatFloat} from "@web/views/fields/formatters";
import {registry} from "@web/core/registry";

/**
 * A figure of a target measure shown with the measure's decimal places
 * (``options="{'digits_field': 'measure_decimal_places'}"``): enrolments
 * as 12, revenue as 41,000.00.
 */
export class FloatMeasureField extends FloatField {
    static props = {
        ...FloatField.props,
        digitsField: {type: String, optional: true},
    };

    get formattedValue() {
        const places = this.props.digitsField
            ? this.props.record.data[this.props.digitsField]
            : undefined;
        if (!Number.isInteger(places) || places < 0 || !this.props.formatNumber) {
            return super.formattedValue;
        }
        return formatFloat(this.value, {
            digits: [16, places],
            field: this.props.record.fields[this.props.name],
        });
    }
}

export const floatMeasureField = {
    ...floatField,
    component: FloatMeasureField,
    extractProps: (fieldInfo, dynamicInfo) => ({
        ...floatField.extractProps(fieldInfo, dynamicInfo),
        digitsField: fieldInfo.options.digits_field,
    }),
};

registry.category("fields").add("float_measure", floatMeasureField);
