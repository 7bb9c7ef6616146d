import { holiday, routingCalendar, weekdays } from '../../scripts/dsl/index.ts';

/**
 * Business hours of the teams routing serves. SLA clocks count business minutes in the owner's
 * calendar; caps count days and weeks in the pool's.
 */
export const NorthAmerica = routingCalendar('NA_Business_Hours', {
  label: 'North America business hours',
  timeZone: 'America/New_York',
  hours: weekdays('09:00-17:00'),
  holidays: [
    holiday('2025-12-25', 'Christmas Day'),
    holiday('2026-01-01', "New Year's Day"),
    holiday('2026-01-19', 'Martin Luther King Jr. Day'),
    holiday('2026-02-16', "Presidents' Day"),
    holiday('2026-05-25', 'Memorial Day'),
    holiday('2026-06-19', 'Juneteenth'),
    holiday('2026-07-03', 'Independence Day (observed)'),
    holiday('2026-09-07', 'Labor Day'),
    holiday('2026-11-26', 'Thanksgiving'),
    holiday('2026-12-25', 'Christmas Day'),
    holiday('2027-01-01', "New Year's Day"),
  ],
});

export const Emea = routingCalendar('EMEA_Business_Hours', {
  label: 'EMEA business hours',
  timeZone: 'Europe/London',
  hours: weekdays('09:00-17:30'),
  holidays: [
    holiday('2025-12-25', 'Christmas Day'),
    holiday('2025-12-26', 'Boxing Day'),
    holiday('2026-01-01', "New Year's Day"),
    holiday('2026-04-03', 'Good Friday'),
    holiday('2026-04-06', 'Easter Monday'),
    holiday('2026-05-04', 'Early May bank holiday'),
    holiday('2026-05-25', 'Spring bank holiday'),
    holiday('2026-08-31', 'Summer bank holiday'),
    holiday('2026-12-25', 'Christmas Day'),
    holiday('2026-12-28', 'Boxing Day (substitute)'),
  ],
});

export const Apac = routingCalendar('APAC_Business_Hours', {
  label: 'APAC business hours',
  timeZone: 'Australia/Sydney',
  hours: weekdays('09:00-17:00'),
  holidays: [
    holiday('2025-12-25', 'Christmas Day'),
    holiday('2025-12-26', 'Boxing Day'),
    holiday('2026-01-01', "New Year's Day"),
    holiday('2026-01-26', 'Australia Day'),
    holiday('2026-04-03', 'Good Friday'),
    holiday('2026-04-06', 'Easter Monday'),
    holiday('2026-04-25', 'Anzac Day'),
    holiday('2026-12-25', 'Christmas Day'),
    holiday('2026-12-28', 'Boxing Day (observed)'),
  ],
});

export const routingCalendars = [NorthAmerica, Emea, Apac];
