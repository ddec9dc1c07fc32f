import { describe, expect, it } from 'vitest';
import { fixturePaths, loadFixture } from '../../../../test/fixtures/load.js';
import { findSource } from '../../registry.js';
import { expectValidCloudEvents, plain } from '../../testing.js';
import { invoke, syncApps } from '../sync-apps.testing.js';
import { alexaSkillsSource, isAlexaSkillsEvent, type AlexaSkillsEvent } from './index.js';

const SKILL_FIXTURES = fixturePaths('aws-sam-cli/alexa-skills-kit');

describe('Alexa Skills Kit', () => {
  it('recognises every Skills Kit sample, and no Smart Home directive', () => {
    expect(SKILL_FIXTURES).toHaveLength(6);
    for (const path of SKILL_FIXTURES) {
      expect(isAlexaSkillsEvent(loadFixture(path)), path).toBe(true);
      expect(findSource(loadFixture(path))?.name, path).toBe('aws.alexa.skills');
      expect(alexaSkillsSource.route(loadFixture(path) as AlexaSkillsEvent)).toBe('/aws.alexa.skills');
    }
    for (const path of fixturePaths('aws-sam-cli/alexa-smart-home')) expect(isAlexaSkillsEvent(loadFixture(path)), path).toBe(false);
    expect(isAlexaSkillsEvent({ version: '1.0', request: { type: 'LaunchRequest' } })).toBe(false); // neither session nor context
    expect(isAlexaSkillsEvent({ version: 1, session: {}, request: { type: 'LaunchRequest' } })).toBe(false);
  });

  it('maps an intent request', () => {
    const event = loadFixture('aws-sam-cli/alexa-skills-kit/AlexaIntentMyColorIs.json') as AlexaSkillsEvent;
    const events = alexaSkillsSource.toCloudEvents(event);
    expect(plain(events)).toEqual([
      {
        specversion: '1.0',
        id: 'amzn1.echo-api.request.',
        source: 'aws:alexa:skill/amzn1.ask.skill.',
        type: 'com.amazonaws.alexa.skills.IntentRequest',
        datacontenttype: 'application/json',
        subject: 'MyColorIsIntent',
        time: '2016-10-27T21:06:28Z',
        data: event,
      },
    ]);
    for (const path of SKILL_FIXTURES) expectValidCloudEvents(alexaSkillsSource.toCloudEvents(loadFixture(path) as AlexaSkillsEvent));
  });

  // A skill response as documented (developer.amazon.com/docs/custom-skills/request-and-response-json-reference.html).
  const speak = (text: string) => ({
    version: '1.0',
    sessionAttributes: { color: 'blue' },
    response: { outputSpeech: { type: 'PlainText', text }, shouldEndSession: false },
  });
  for (const { name, app, received } of syncApps('/aws.alexa.skills', (raw) => {
    const request = (raw as AlexaSkillsEvent).request;
    return { json: speak(request.type === 'LaunchRequest' ? 'Welcome' : `Intent ${request.intent?.name ?? ''}`) };
  })) {
    it(`${name}: the app's JSON body is the skill's response`, async () => {
      const launch = loadFixture('aws-sam-cli/alexa-skills-kit/AlexaStartSession.json');
      const intent = loadFixture('aws-sam-cli/alexa-skills-kit/AlexaIntentMyColorIs.json');
      expect(await invoke(app, launch)).toEqual({
        version: '1.0',
        sessionAttributes: { color: 'blue' },
        response: { outputSpeech: { type: 'PlainText', text: 'Welcome' }, shouldEndSession: false },
      });
      expect(await invoke(app, intent)).toEqual(speak('Intent MyColorIsIntent'));
      expect(received).toEqual([launch, intent]);
    });
  }
});
