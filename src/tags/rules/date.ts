/** Date parts of an instant in a time zone. */
interface Parts {
  weekday: number
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
}

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
  const get = (type: string): number =>
    Number(fmt.formatToParts(date).find((p) => p.type === type)?.value ?? 0)
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(
    new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(date)
  )
  return {
    weekday,
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: date.getUTCMilliseconds()
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

const hour12 = (p: Parts): number => (p.hour % 12 === 0 ? 12 : p.hour % 12)

const TOKENS: Record<string, (p: Parts) => string> = {
  YYYY: (p) => pad(p.year, 4),
  YY: (p) => pad(p.year % 100, 2),
  MMMM: (p) => MONTHS[p.month - 1]!,
  MMM: (p) => MONTHS[p.month - 1]!.slice(0, 3),
  MM: (p) => pad(p.month, 2),
  M: (p) => String(p.month),
  Do: (p) => ordinal(p.day),
  DD: (p) => pad(p.day, 2),
  D: (p) => String(p.day),
  dddd: (p) => DAYS[p.weekday]!,
  ddd: (p) => DAYS[p.weekday]!.slice(0, 3),
  HH: (p) => pad(p.hour, 2),
  H: (p) => String(p.hour),
  hh: (p) => pad(hour12(p), 2),
  h: (p) => String(hour12(p)),
  a: (p) => (p.hour < 12 ? 'am' : 'pm'),
  A: (p) => (p.hour < 12 ? 'AM' : 'PM'),
  mm: (p) => pad(p.minute, 2),
  m: (p) => String(p.minute),
  ss: (p) => pad(p.second, 2),
  s: (p) => String(p.second),
  SSS: (p) => pad(p.millisecond, 3)
}
const TOKEN = /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|a|A/g

/**
 * Format a date with moment-style tokens (YYYY YY MMMM MMM MM M Do DD D dddd
 * ddd HH H hh h mm m ss s SSS a A; text in [brackets] is literal), in an IANA
 * time zone.
 */
export function formatDate(date: Date, format: string, timeZone: string): string {
  const parts = partsIn(date, timeZone)
  return format.replace(TOKEN, (match, literal: string | undefined) =>
    literal !== undefined ? literal : TOKENS[match]!(parts)
  )
}
