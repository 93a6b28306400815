/**
 * The people the seed acts as, one bearer token each (minted locally with the service's own
 * secret, exactly as `npm run token` does), cached by role, jurisdiction and subject.
 */
import type { Actor } from '../../src/api/auth/token.js';
import { signToken } from '../../src/api/auth/token.js';
import type { Role } from '../../src/api/auth/roles.js';
import type { City } from './places.js';

export type ActorSpec = Actor;

export class Tokens {
  private readonly cache = new Map<string, Promise<string>>();
  constructor(private readonly secret: string) {}

  bearer(actor: ActorSpec): Promise<string> {
    const key = `${actor.role}|${actor.jurisdiction}|${actor.sub}`;
    let token = this.cache.get(key);
    if (token === undefined) {
      token = signToken(actor, this.secret, '8h');
      this.cache.set(key, token);
    }
    return token;
  }
}

const official = (role: Role, city: City, title: string): ActorSpec => ({
  sub: `${role.toLowerCase().replace(/_/g, '-')}-${city.code}`,
  name: `${city.name}${title}`,
  role,
  jurisdiction: city.code,
});

/** The city's officials in each role they play in the scenarios. */
export const cityActors = (city: City) => ({
  grantor: official('GRANTOR_ADMIN', city, '自然资源和规划局'),
  government: official('GOV_APPROVER', city, '人民政府'),
  priceGroup: official('RESERVE_PRICE_GROUP', city, '底价决策小组'),
  patrol: official('PATROL_POST', city, '土地利用科动态巡查专岗'),
  inspector: official('FIELD_INSPECTOR', city, '国土资源所'),
  enforcement: official('ENFORCEMENT', city, '执法监察大队'),
  province: {
    sub: `province-reviewer-${city.province}`,
    name: `${city.province}省级自然资源主管部门`,
    role: 'PROVINCE_REVIEWER' as const,
    jurisdiction: city.province,
  },
  ministry: { sub: 'ministry-1', name: '自然资源部', role: 'MINISTRY' as const, jurisdiction: 'CN' },
});

export type CityActors = ReturnType<typeof cityActors>;

export const landUserActor = (landUserId: string, name: string, city: City): ActorSpec => ({
  sub: landUserId,
  name,
  role: 'LAND_USER',
  jurisdiction: city.code,
});
