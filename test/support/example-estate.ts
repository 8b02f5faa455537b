/**
 * Old names for the fixture estate (test/support/fixture-estate.ts), kept so existing
 * imports keep working. They read test/fixtures/estate, not the live config/.
 */
export {
  FIXTURE_ESTATE_DIR as EXAMPLE_CONFIG_DIR,
  fixtureModel as exampleModel,
  buildFixtureEstate as buildExampleEstate,
} from './fixture-estate';
