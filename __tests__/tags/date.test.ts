import { describe, expect, test } from '@jest/globals'
import { formatDate, isTimeZone } from '../../src/tags/rules/date.js'

// Each row: instant, moment.js format, IANA zone, and what moment-timezone gives for them.
type Row = [string, string, string, string]

describe('formatDate matches moment.js', () => {
  test.each<Row>([
    // README rows
    ['2020-01-10T00:30:00.000Z', 'YYYYMMDD', 'UTC', '20200110'],
    ['2020-01-10T00:30:00.000Z', 'YYYYMMDD-HHmmss', 'Asia/Tokyo', '20200110-093000'],
    [
      '2020-01-10T15:25:50.000Z',
      'dddd, MMMM Do YYYY, h:mm:ss a',
      'UTC',
      'Friday, January 10th 2020, 3:25:50 pm'
    ],
    ['2020-01-10T15:25:50.123Z', 'YYYY-MM-DDTHH:mm:ss.SSS[Z]', 'UTC', '2020-01-10T15:25:50.123Z'],
    // years, quarters, months, days
    ['2026-11-23T08:30:00.000Z', 'YY M MM MMM MMMM', 'UTC', '26 11 11 Nov November'],
    ['2026-11-23T08:30:00.000Z', 'D DD Do DDD DDDD', 'UTC', '23 23 23rd 327 327'],
    ['2024-12-31T12:00:00.000Z', 'DDD DDDD', 'UTC', '366 366'],
    ['2026-11-23T08:30:00.000Z', 'd dd ddd dddd E e', 'UTC', '1 Mo Mon Monday 1 1'],
    ['2026-11-23T08:30:00.000Z', 'Q w ww W WW', 'UTC', '4 48 48 48 48'],
    // weeks across the new year: ISO (W, GGGG) and moment's English weeks (w, gggg)
    ['2024-12-30T12:00:00.000Z', 'GGGG-[W]WW gggg-[w]ww', 'UTC', '2025-W01 2025-w01'],
    ['2021-01-01T12:00:00.000Z', 'GGGG-[W]WW gggg-[w]ww GG gg', 'UTC', '2020-W53 2021-w01 20 21'],
    ['2027-01-01T12:00:00.000Z', 'GGGG-[W]WW gggg-[w]ww', 'UTC', '2026-W53 2027-w01'],
    ['2025-12-28T10:00:00.000Z', '[W]W [w]w dddd', 'UTC', 'W52 w1 Sunday'],
    // hours, minutes, seconds, fractions
    ['2026-11-23T08:30:00.000Z', 'H HH h hh k kk a A', 'America/St_Johns', '5 05 5 05 5 05 am AM'],
    [
      '2026-11-23T00:05:09.045Z',
      'H HH h hh k kk a A m mm s ss',
      'UTC',
      '0 00 12 12 24 24 am AM 5 05 9 09'
    ],
    ['2026-11-23T12:00:00.000Z', 'hh A', 'UTC', '12 PM'],
    ['2020-01-10T15:25:50.123Z', 'S SS SSS', 'UTC', '1 12 123'],
    // offsets, epoch, daylight saving
    ['2026-11-23T08:30:00.000Z', 'Z ZZ', 'America/St_Johns', '-03:30 -0330'],
    ['2026-11-23T08:30:00.000Z', 'Z ZZ', 'Asia/Kolkata', '+05:30 +0530'],
    ['2026-11-23T08:30:00.000Z', 'X x', 'Asia/Tokyo', '1795422600 1795422600000'],
    ['2026-03-29T00:30:00.000Z', 'HH:mm Z', 'Europe/Paris', '01:30 +01:00'],
    ['2026-03-29T01:30:00.000Z', 'HH:mm Z', 'Europe/Paris', '03:30 +02:00'],
    // the calendar day is the zone's
    ['2026-11-23T08:30:00.000Z', 'YYYYMMDD', 'Pacific/Kiritimati', '20261123'],
    ['2026-11-23T08:30:00.000Z', 'YYYYMMDD', 'Pacific/Pago_Pago', '20261122'],
    // ordinals
    ['2026-11-01T08:30:00.000Z', 'Do', 'UTC', '1st'],
    ['2026-11-02T08:30:00.000Z', 'Do', 'UTC', '2nd'],
    ['2026-11-03T08:30:00.000Z', 'Do', 'UTC', '3rd'],
    ['2026-11-11T08:30:00.000Z', 'Do', 'UTC', '11th'],
    ['2026-11-12T08:30:00.000Z', 'Do', 'UTC', '12th'],
    ['2026-11-13T08:30:00.000Z', 'Do', 'UTC', '13th'],
    ['2026-11-21T08:30:00.000Z', 'Do', 'UTC', '21st'],
    ['2026-11-22T08:30:00.000Z', 'Do', 'UTC', '22nd'],
    // [brackets] are literal
    ['2026-11-23T08:30:00.000Z', '[YYYY]-YYYY [at] HH[h]', 'UTC', 'YYYY-2026 at 08h']
  ])('%s %j in %s gives %j', (instant, format, zone, expected) => {
    expect(formatDate(new Date(instant), format, zone)).toBe(expected)
  })
})

describe('isTimeZone', () => {
  test.each([
    ['UTC', true],
    ['Europe/Paris', true],
    ['Asia/Tokyo', true],
    ['Mars/Olympus', false],
    ['', false]
  ])('%j is %s', (zone, known) => {
    expect(isTimeZone(zone)).toBe(known)
  })
})
