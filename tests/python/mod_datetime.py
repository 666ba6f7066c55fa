# time's calendar functions (struct_time, gmtime, localtime, mktime, strftime, asctime) and
# datetime (CPython's pure-Python module): dates, times, deltas, zones, formatting, arithmetic.
import time
from datetime import date, datetime, time as dtime, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR

t = 1_700_000_000.75
g = time.gmtime(t)
print(g)
print(g.tm_year, g.tm_yday, g.tm_wday, g.tm_zone, g.tm_gmtoff, len(g), tuple(g)[:3], g[0], isinstance(g, tuple))
print(time.strftime("%Y-%m-%d %H:%M:%S %j %a %b %%", g), time.asctime(g), time.gmtime(0)[:6])
print(time.struct_time((2024, 2, 29, 12, 0, 0, 3, 60, 0)), type(g).__name__, time.struct_time.__module__)
loc = time.localtime(t)
print(time.mktime(loc) == int(t), loc.tm_gmtoff == (-time.altzone if loc.tm_isdst > 0 else -time.timezone))
print(isinstance(time.tzname, tuple), len(time.tzname), time.daylight in (0, 1), type(time.ctime(t)).__name__)
print(time.strftime("%Y", time.localtime()) >= "2024", len(time.asctime().split()) == 5)
for bad in [(1, 2, 3), "x"]:
    try:
        time.strftime("%Y", bad)
    except TypeError as e:
        print("TypeError", e)
try:
    time.struct_time((1, 2))
except TypeError as e:
    print("TypeError", e)

d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.isocalendar())
print(d.replace(year=2023), d.toordinal(), date.fromordinal(738944), date.fromisoformat("2021-12-31"), d.ctime())
print(d.strftime("%A %d %B %Y"), format(d, "%d/%m/%y"), f"{d:%Y}", d.isoformat(), date(2024, 3, 1) - d)
print(date(2000, 1, 1) < d, max(date(1999, 12, 31), d), sorted([d, date(2020, 1, 1)]), hash(d) == hash(date(2024, 2, 28)))
dt = datetime(2024, 3, 10, 1, 59, 30, 123456)
print(dt, repr(dt), dt.isoformat(timespec="milliseconds"), dt.date(), dt.time(), dt.timetuple()[:6])
print(dt + timedelta(hours=1, minutes=1), dt - datetime(2024, 1, 1), dt.replace(microsecond=0), dt.strftime("%H:%M:%S.%f"))
print(datetime.fromisoformat("2024-03-10T01:59:30.500+02:00"), datetime.fromisoformat("2011-11-04 00:05:23.283"))
print(datetime.combine(d, dtime(8, 30)), datetime(2024, 1, 1).weekday(), datetime.min, datetime.max, MINYEAR, MAXYEAR)
utc = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
cet = timezone(timedelta(hours=1), "CET")
print(utc, utc.astimezone(cet), utc.astimezone(cet).tzname(), utc.utcoffset(), cet, repr(cet), timezone(timedelta(hours=-5, minutes=-30)))
print(utc.timestamp(), datetime.fromtimestamp(1_700_000_000, timezone.utc), datetime.utcfromtimestamp(86400 * 365))
print(datetime.fromtimestamp(t).timestamp() == t, datetime(2024, 1, 1, tzinfo=cet) == datetime(2023, 12, 31, 23, tzinfo=timezone.utc))
now = datetime.now()
print(type(now).__name__, now.year >= 2024, datetime.now(timezone.utc).tzinfo is timezone.utc, date.today() <= now.date() + timedelta(days=1))
td = timedelta(days=1, hours=25, minutes=-5, seconds=3.5, milliseconds=1)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds, -td, abs(-td), td * 2, td / 3, td // timedelta(hours=1))
print(timedelta(weeks=1) > timedelta(days=6), timedelta(0) == timedelta(), str(timedelta(microseconds=-1)), timedelta.max, timedelta.resolution)
tm = dtime(23, 59, 59, 999999, tzinfo=cet)
print(tm, tm.isoformat(), tm.utcoffset(), dtime.fromisoformat("04:23:01.000384"), dtime(12).strftime("%I %p"), dtime() < dtime(0, 0, 1))


class Fixed(tzinfo):
    def __init__(self, minutes):
        self.off = timedelta(minutes=minutes)

    def utcoffset(self, dt):
        return self.off

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return "F%+d" % (self.off.total_seconds() // 60)


f = datetime(2024, 5, 5, 5, 5, tzinfo=Fixed(90))
print(f, f.tzname(), f.astimezone(timezone.utc), f.strftime("%z %Z"))
for bad in [(2024, 2, 30), (2023, 13, 1), (0, 1, 1)]:
    try:
        date(*bad)
    except ValueError as e:
        print("ValueError", e)
try:
    datetime(2024, 1, 1) < datetime(2024, 1, 1, tzinfo=timezone.utc)
except TypeError as e:
    print("TypeError", e)
try:
    date.fromisoformat("2024-1-1")
except ValueError as e:
    print("ValueError", e)
