/** The calendar facts of an instant in a time zone, as moment.js tokens read them. */
interface Parts {
  /** 0 = Sunday. */
  weekday: number
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  /** Days since 1970-01-01 of the local calendar date. */
  dayNumber: number
  /** Minutes the zone is ahead of UTC at that instant. */
  offset: number
  epochMs: number
}

const DAY_MS = 86_400_000

function partsIn(date: Date, timeZone: string): Parts {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric'
  })
  const parts = fmt.formatToParts(date)
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const [year, month, day] = [get('year'), get('month'), get('day')]
  const [hour, minute, second] = [get('hour'), get('minute'), get('second')]
  const dayNumber = Date.UTC(year, month - 1, day) / DAY_MS
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second)
  const wholeSecondMs = date.getTime() - date.getUTCMilliseconds()
  return {
    weekday: (((dayNumber + 4) % 7) + 7) % 7,
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond: date.getUTCMilliseconds(),
    dayNumber,
    offset: Math.round((wallMs - wholeSecondMs) / 60_000),
    epochMs: date.getTime()
  }
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}

/**
 * Week of the year, and the year it belongs to, in a week system whose weeks
 * start on `firstDay` (0 = Sunday) and whose week 1 holds January
 * `anchorDay`: ISO weeks start on Monday and hold January 4th; moment's
 * English weeks start on Sunday and hold January 1st.
 */
function weekOfYear(p: Parts, firstDay: number, anchorDay: number): { week: number; year: number } {
  const weekOneStart = (year: number): number => {
    const anchor = Date.UTC(year, 0, anchorDay) / DAY_MS
    const anchorWeekday = (((anchor + 4) % 7) + 7) % 7
    return anchor - ((anchorWeekday - firstDay + 7) % 7)
  }
  const year = [p.year + 1, p.year, p.year - 1].find((y) => p.dayNumber >= weekOneStart(y))!
  return { week: Math.floor((p.dayNumber - weekOneStart(year)) / 7) + 1, year }
}
const isoWeek = (p: Parts): { week: number; year: number } => weekOfYear(p, 1, 4)
const localeWeek = (p: Parts): { week: number; year: number } => weekOfYear(p, 0, 1)

const hour12 = (p: Parts): number => (p.hour % 12 === 0 ? 12 : p.hour % 12)
const dayOfYear = (p: Parts): number => p.dayNumber - Date.UTC(p.year, 0, 1) / DAY_MS + 1

function offset(p: Parts, separator: string): string {
  const abs = Math.abs(p.offset)
  return `${p.offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`
}

/** moment.js tokens; the alternation below lists longer tokens first, as moment matches them. */
const TOKENS: Record<string, (p: Parts) => string> = {
  YYYY: (p) => pad(p.year, 4),
  YY: (p) => pad(p.year % 100, 2),
  Q: (p) => String(Math.ceil(p.month / 3)),
  MMMM: (p) => MONTHS[p.month - 1]!,
  MMM: (p) => MONTHS[p.month - 1]!.slice(0, 3),
  MM: (p) => pad(p.month, 2),
  M: (p) => String(p.month),
  DDDD: (p) => pad(dayOfYear(p), 3),
  DDD: (p) => String(dayOfYear(p)),
  Do: (p) => ordinal(p.day),
  DD: (p) => pad(p.day, 2),
  D: (p) => String(p.day),
  dddd: (p) => DAYS[p.weekday]!,
  ddd: (p) => DAYS[p.weekday]!.slice(0, 3),
  dd: (p) => DAYS[p.weekday]!.slice(0, 2),
  d: (p) => String(p.weekday),
  E: (p) => String(p.weekday === 0 ? 7 : p.weekday),
  e: (p) => String(p.weekday),
  gggg: (p) => pad(localeWeek(p).year, 4),
  gg: (p) => pad(localeWeek(p).year % 100, 2),
  ww: (p) => pad(localeWeek(p).week, 2),
  w: (p) => String(localeWeek(p).week),
  GGGG: (p) => pad(isoWeek(p).year, 4),
  GG: (p) => pad(isoWeek(p).year % 100, 2),
  WW: (p) => pad(isoWeek(p).week, 2),
  W: (p) => String(isoWeek(p).week),
  HH: (p) => pad(p.hour, 2),
  H: (p) => String(p.hour),
  hh: (p) => pad(hour12(p), 2),
  h: (p) => String(hour12(p)),
  kk: (p) => pad(p.hour === 0 ? 24 : p.hour, 2),
  k: (p) => String(p.hour === 0 ? 24 : p.hour),
  a: (p) => (p.hour < 12 ? 'am' : 'pm'),
  A: (p) => (p.hour < 12 ? 'AM' : 'PM'),
  mm: (p) => pad(p.minute, 2),
  m: (p) => String(p.minute),
  ss: (p) => pad(p.second, 2),
  s: (p) => String(p.second),
  SSS: (p) => pad(p.millisecond, 3),
  SS: (p) => pad(Math.floor(p.millisecond / 10), 2),
  S: (p) => String(Math.floor(p.millisecond / 100)),
  ZZ: (p) => offset(p, ''),
  Z: (p) => offset(p, ':'),
  X: (p) => String(Math.floor(p.epochMs / 1000)),
  x: (p) => String(p.epochMs)
}
const TOKEN = new RegExp(`\\[([^\\[\\]]*)\\]|${Object.keys(TOKENS).join('|')}`, 'g')

/**
 * Format a date with moment.js tokens (the list above; text in [brackets]
 * is literal, any other character is kept), in an IANA time zone.
 */
export function formatDate(date: Date, format: string, timeZone: string): string {
  const parts = partsIn(date, timeZone)
  return format.replace(TOKEN, (match, literal: string | undefined) =>
    literal !== undefined ? literal : TOKENS[match]!(parts)
  )
}
