import { CenterProfileBody, CounterBody, FieldBody, Id, RulesBody, VoiceSettingsBody } from '@luot/shared';
import { Type } from 'typebox';

/*
 * What the console checks admin answers against. The shared *Body schemas forbid extra properties, which is
 * right for what the server accepts but wrong for what a client reads: a server adding a property must not
 * make the console reject the answer. And AdminField / AdminCounter are intersections with such a body, so no
 * value can pass them (the `id` the body does not list is "extra"). Same properties, without the ban.
 */
export const AdminFieldRead = Type.Object({ ...FieldBody.properties, id: Id, active: Type.Boolean(), issuing: Type.Boolean() });
export const AdminCounterRead = Type.Object({ ...CounterBody.properties, id: Id, active: Type.Boolean() });
export const CenterProfileRead = Type.Object({ ...CenterProfileBody.properties });
export const RulesRead = Type.Object({
  ...RulesBody.properties,
  interleave: Type.Object({ ...RulesBody.properties.interleave.properties }),
});
export const VoiceRead = Type.Object({ ...VoiceSettingsBody.properties });
