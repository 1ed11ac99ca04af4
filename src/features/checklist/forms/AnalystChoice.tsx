import { Field, Fieldset, Radio } from '@zendeskgarden/react-forms';
import type { RankedAnalyst } from '../../../procedure/analysts';

export interface AnalystChoiceProps {
  legend: string;
  hint: string;
  analysts: RankedAnalyst[];
  selected: number | null;
  onSelect: (id: number) => void;
  describe: (analyst: RankedAnalyst) => string;
}

/** The ranked analysts as radio buttons: the most senior is preselected, the lead may pick another. */
export default function AnalystChoice({ legend, hint, analysts, selected, onSelect, describe }: AnalystChoiceProps) {
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Field.Hint>{hint}</Field.Hint>
      {analysts.map((analyst) => (
        <Field key={analyst.id}>
          <Radio name="analyst" value={String(analyst.id)} checked={selected === analyst.id} onChange={() => onSelect(analyst.id)} data-testid={`analyst-option-${analyst.id}`}>
            <Field.Label isRegular>{describe(analyst)}</Field.Label>
          </Radio>
        </Field>
      ))}
    </Fieldset>
  );
}
