/**
 * A GeoReport v2 service definition: the category's own questions as attributes, then where it
 * is (optional, every service), which the classifier and retraining weigh.
 */
import { PLACES } from '@komek/domain/lifecycle';
import { PLACE_NAMES, PLACE_QUESTION } from '@komek/domain/places';
import type { CategoryRow } from '../catalog/repository.ts';

export function serviceDefinition(c: Pick<CategoryRow, 'code' | 'questions'>, l: 'kk' | 'ru' | 'en') {
  const questions = c.questions.map((qq, i) => ({
    variable: true,
    code: qq.code,
    datatype: qq.datatype,
    required: qq.required,
    datatype_description: '',
    order: i + 1,
    description: qq.description[l] || qq.description.ru,
    ...(qq.values ? { values: qq.values.map((v) => ({ key: v.key, name: v.name[l] || v.name.ru })) } : {}),
  }));
  const place = {
    variable: true,
    code: 'place',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '',
    order: questions.length + 1,
    description: PLACE_QUESTION[l] || PLACE_QUESTION.ru,
    values: PLACES.map((p) => ({ key: p, name: PLACE_NAMES[p][l] || PLACE_NAMES[p].ru })),
  };
  return { service_code: c.code, attributes: [...questions, place] };
}
