import type { IconButtonProps } from '@rjsf/utils';
import { useI18n } from '../i18n.js';
import type { Dictionary } from '../locales/de.js';

// rjsf's core array buttons are icon fonts (Bootstrap glyphicons) that this app does not load:
// empty boxes with an English title. These are KERN buttons with visible, translated text.
function textButton(label: (t: Dictionary) => string, primary = false) {
  return function ArrayButton({ iconType: _iconType, icon: _icon, registry: _registry, uiSchema: _uiSchema, className: _className, title: _title, ...props }: IconButtonProps) {
    const { t } = useI18n();
    return (
      <button type="button" {...props} className={`kern-btn kern-btn--${primary ? 'secondary' : 'tertiary'} kern-btn--small`}>
        <span className="kern-label">{label(t)}</span>
      </button>
    );
  };
}

export const AddButton = textButton((t) => t.wizard.addItem, true);
export const RemoveButton = textButton((t) => t.wizard.removeItem);
export const MoveUpButton = textButton((t) => t.wizard.moveUp);
export const MoveDownButton = textButton((t) => t.wizard.moveDown);
export const CopyButton = textButton((t) => t.wizard.copyItem);
