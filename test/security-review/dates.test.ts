import { daysBetween, isCalendarDate, todayUtc } from '../../lib/security-review/dates';

describe('dates', () => {
  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-6-1', false],
  ])('%s is a calendar date: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });

  it('counts whole days either way across a month end', () => {
    expect(daysBetween('2025-06-01', '2025-12-31')).toBe(213);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
  });

  it('gives today in UTC', () => {
    expect(todayUtc(new Date('2025-06-01T23:30:00-02:00'))).toBe('2025-06-02');
  });
});
