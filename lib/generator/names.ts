import { OrganisationKind } from './organisation-kinds';
import { Random } from './prng';

// Made-up English-sounding places: a generated estate must never read as a real organisation.
const STEMS = [
  'Ash',
  'Bram',
  'Cal',
  'Dun',
  'Elm',
  'Fern',
  'Gran',
  'Hal',
  'Ivy',
  'Kel',
  'Lang',
  'Mar',
  'Nor',
  'Oak',
  'Pen',
  'Ravens',
  'Stan',
  'Thorn',
  'Wex',
  'Wil',
  'Yar',
  'Brad',
  'Coll',
  'Dray',
];
const ENDINGS = [
  'bury',
  'ford',
  'ham',
  'ley',
  'mouth',
  'stead',
  'ton',
  'wick',
  'field',
  'brook',
  'combe',
  'thorpe',
];
const COUNTIES = [
  'Wessex',
  'Mercia',
  'Anglia',
  'Northumbria',
  'Cumbria',
  'Severn',
  'Pennine',
  'Chiltern',
  'Solent',
  'Fenland',
];
const SPECIALTIES = ["Children's", 'Orthopaedic', 'Heart and Chest', 'Eye', 'Cancer', 'Neurology'];

function place(random: Random): string {
  return `${random.pick(STEMS)}${random.pick(ENDINGS)}`;
}

/** A plausible registered name for an organisation of `kind`. */
export function organisationName(kind: OrganisationKind, random: Random): string {
  switch (kind) {
    case 'national':
      return 'NHS England';
    case 'icb':
      return `NHS ${random.pick(COUNTIES)} and ${place(random)} Integrated Care Board`;
    case 'acute':
      return `${place(random)} and ${place(random)} Hospitals NHS Foundation Trust`;
    case 'mental-health':
      return `${random.pick(COUNTIES)} Partnership NHS Foundation Trust`;
    case 'community':
      return `${place(random)} Community Health Services NHS Trust`;
    case 'ambulance':
      return `${random.pick(COUNTIES)} Ambulance Service NHS Foundation Trust`;
    case 'specialist':
      return `${place(random)} ${random.pick(SPECIALTIES)} Hospital NHS Foundation Trust`;
  }
}
