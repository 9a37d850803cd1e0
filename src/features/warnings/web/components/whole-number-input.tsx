// A number field for whole numbers in a range (minutes, counts, risk scores): no decimals, no minus sign, and no
// silent clamping, so an out-of-range value stays visible with its validation message.
import { NumberInput, type NumberInputProps } from '@mantine/core';

/** NumberInput for whole numbers between `min` and `max`. */
export function WholeNumberInput(props: NumberInputProps & { min: number; max: number }) {
  return <NumberInput step={1} allowDecimal={false} allowNegative={false} clampBehavior="none" {...props} />;
}
