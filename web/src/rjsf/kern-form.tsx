import { withTheme } from '@rjsf/core';
import {
  DescriptionFieldTemplate,
  FieldErrorTemplate,
  FieldTemplate,
  ObjectFieldTemplate,
  SubmitButton,
  TitleFieldTemplate,
} from './kern-templates.js';
import { AddButton, CopyButton, MoveDownButton, MoveUpButton, RemoveButton } from './kern-array-buttons.js';
import { RadioWidget, SelectWidget } from './kern-choice-widgets.js';
import { DateTimeWidget } from './datetime-widget.js';
import { DateWidget } from './date-widget.js';
import { BaseInputTemplate, CheckboxWidget, TextareaWidget } from './kern-widgets.js';

/** rjsf's Form with KERN markup; everything not overridden falls back to rjsf's core theme. */
export const KernForm = withTheme({
  templates: {
    BaseInputTemplate,
    DescriptionFieldTemplate,
    FieldErrorTemplate,
    FieldTemplate,
    ObjectFieldTemplate,
    TitleFieldTemplate,
    ButtonTemplates: { SubmitButton, AddButton, CopyButton, MoveDownButton, MoveUpButton, RemoveButton },
  },
  widgets: { CheckboxWidget, DateWidget, DateTimeWidget, RadioWidget, SelectWidget, TextareaWidget },
});
