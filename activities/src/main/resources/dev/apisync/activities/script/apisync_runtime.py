# apisync's Python runtime: the names scripts see (SPEC §5), evaluated once in every pooled context.
#
# Scripts never run in this module's namespace: each evaluation gets a fresh dict built by _scope(),
# whose imports go through an import guard. Everything the host offers comes through _HOST, a Java
# object whose exported methods return an error text (a str) instead of raising, because host
# exceptions cannot be caught in the guest.
#
# Only cheap modules are imported here (a context is created in about a second); json, base64 and
# decimal load on first use, which the pool's warm-up triggers.

import builtins as _builtins
import datetime as _dt
import math as _math
import sys as _sys
import time as _time

_HOST = None
_NOW_MS = [0]
_MISSING = object()
_PREFETCH_MAX = 1000
_MAX_DEPTH = 100


def _install(host):
    global _HOST
    _HOST = host


# ---------------------------------------------------------------------------------------------------
# Errors


class UserError(Exception):
    """Odoo's UserError: raise it to fail the request's records with your message."""


class ValidationError(UserError):
    pass


class MissingError(UserError):
    pass


class AccessError(UserError):
    pass


# ---------------------------------------------------------------------------------------------------
# A frozen clock: datetime.now(), date.today(), time.time() ... answer the evaluation's "now" (the
# run's recorded start for domains), in UTC, as Odoo servers run.


_EPOCH = _dt.datetime(1970, 1, 1)


def _now_utc():
    return (_EPOCH + _dt.timedelta(milliseconds=_NOW_MS[0])).replace(tzinfo=_dt.timezone.utc)


def _timegm(t):
    """calendar.timegm: a UTC time tuple (or naive UTC datetime) as seconds since the epoch."""
    if isinstance(t, _dt.datetime):
        value = t
    else:
        value = _dt.datetime(*tuple(t)[:6])
    return (value - _EPOCH) // _dt.timedelta(seconds=1)


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_days(year, month):
    return 31 if month == 12 else (_dt.date(year, month + 1, 1) - _dt.date(year, month, 1)).days


def _json():
    import json
    return json


class _ClassOrMethod:
    """datetime.date is the date class (module style, as in Odoo's eval context) when read on the
    class, and the date() method when read on an instance."""

    def __init__(self, value, method):
        self._value = value
        self._method = method

    def __get__(self, obj, owner=None):
        if obj is None:
            return self._value
        return self._method.__get__(obj, owner)


class date(_dt.date):
    __slots__ = ()

    @classmethod
    def today(cls):
        now = _now_utc()
        return cls(now.year, now.month, now.day)


class datetime(_dt.datetime):
    __slots__ = ()

    @classmethod
    def now(cls, tz=None):
        now = _now_utc()
        return cls._of(now.replace(tzinfo=None) if tz is None else now.astimezone(tz))

    @classmethod
    def utcnow(cls):
        return cls._of(_now_utc().replace(tzinfo=None))

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def _of(cls, value):
        return cls(value.year, value.month, value.day, value.hour, value.minute, value.second,
                   value.microsecond, value.tzinfo, fold=value.fold)


datetime.datetime = datetime
datetime.timedelta = _dt.timedelta
datetime.timezone = _dt.timezone
datetime.MINYEAR = _dt.MINYEAR
datetime.MAXYEAR = _dt.MAXYEAR
datetime.date = _ClassOrMethod(date, _dt.datetime.date)
datetime.time = _ClassOrMethod(_dt.time, _dt.datetime.time)

timedelta = _dt.timedelta


def context_today():
    """Today's date at the evaluation's "now" (UTC: apisync has no user time zone)."""
    return date.today()


def _time_time():
    return _NOW_MS[0] / 1000.0


def _gmtime(seconds=None):
    return _time.gmtime(_time_time() if seconds is None else seconds)


def _strftime(fmt, t=None):
    return _time.strftime(fmt, _gmtime() if t is None else t)


def _asctime(t=None):
    return _time.asctime(_gmtime() if t is None else t)


def _ctime(seconds=None):
    return _time.asctime(_gmtime(seconds))


def _sleep(seconds):
    raise UserError("time.sleep() is not available in apisync scripts")


def _module(name, **members):
    module = type(_sys)(name)
    for key, value in members.items():
        setattr(module, key, value)
    return module


time = _module(
    "time", time=_time_time, time_ns=lambda: _NOW_MS[0] * 1_000_000, gmtime=_gmtime,
    localtime=_gmtime, strftime=_strftime, strptime=_time.strptime, mktime=_timegm,
    asctime=_asctime, ctime=_ctime, sleep=_sleep, struct_time=_time.struct_time,
    monotonic=_time.monotonic, perf_counter=_time.perf_counter, timezone=0, altzone=0,
    daylight=0, tzname=("UTC", "UTC"))


# ---------------------------------------------------------------------------------------------------
# relativedelta: dateutil's, for the cases scripts and domains use (relative and absolute fields,
# weekdays, the difference of two dates).


class weekday:
    __slots__ = ("weekday", "n")

    def __init__(self, wd, n=None):
        if n == 0:
            raise ValueError("a weekday's n cannot be 0")
        self.weekday = wd
        self.n = n

    def __call__(self, n):
        return self if n == self.n else weekday(self.weekday, n)

    def __eq__(self, other):
        return isinstance(other, weekday) and (self.weekday, self.n) == (other.weekday, other.n)

    def __hash__(self):
        return hash((self.weekday, self.n))

    def __repr__(self):
        name = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[self.weekday]
        return name if not self.n else "%s(%+d)" % (name, self.n)


MO, TU, WE, TH, FR, SA, SU = (weekday(i) for i in range(7))


class relativedelta:
    def __init__(self, dt1=None, dt2=None, years=0, months=0, days=0, leapdays=0, weeks=0,
                 hours=0, minutes=0, seconds=0, microseconds=0, year=None, month=None, day=None,
                 weekday=None, yearday=None, nlyearday=None, hour=None, minute=None, second=None,
                 microsecond=None):
        if dt1 is not None and dt2 is not None:
            self._between(dt1, dt2)
            return
        if any(x is not None and int(x) != x for x in (years, months)):
            raise ValueError("years and months must be whole numbers")
        self.years = int(years)
        self.months = int(months)
        self.days = days + weeks * 7
        self.leapdays = leapdays
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
        self.microseconds = microseconds
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
        if isinstance(weekday, int):
            weekday = (MO, TU, WE, TH, FR, SA, SU)[weekday]
        self.weekday = weekday
        if nlyearday:
            yearday = nlyearday
        if yearday:
            self._from_yearday(yearday, leap=not nlyearday)
        self._fix()

    def _from_yearday(self, yearday, leap):
        ydays = [31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 366]
        if yearday > 59 and leap:
            self.leapdays = -1
        for index, ydays_end in enumerate(ydays):
            if yearday <= ydays_end:
                self.month = index + 1
                self.day = yearday if index == 0 else yearday - ydays[index - 1]
                return
        raise ValueError("invalid year day (%d)" % yearday)

    def _between(self, dt1, dt2):
        if not isinstance(dt1, _dt.datetime):
            dt1 = _dt.datetime.fromordinal(dt1.toordinal())
        if not isinstance(dt2, _dt.datetime):
            dt2 = _dt.datetime.fromordinal(dt2.toordinal())
        self.__init__()
        months = (dt1.year - dt2.year) * 12 + (dt1.month - dt2.month)
        self._set_months(months)
        dtm = self.__add__(dt2)
        if dt1 < dt2:
            while dt1 > dtm:
                months += 1
                self._set_months(months)
                dtm = self.__add__(dt2)
        else:
            while dt1 < dtm:
                months -= 1
                self._set_months(months)
                dtm = self.__add__(dt2)
        delta = dt1 - dtm
        self.seconds = delta.seconds + delta.days * 86400
        self.microseconds = delta.microseconds
        self._fix()

    def _set_months(self, months):
        self.months = months
        if abs(self.months) > 11:
            sign = 1 if self.months > 0 else -1
            div, mod = divmod(self.months * sign, 12)
            self.months = mod * sign
            self.years = div * sign
        else:
            self.years = 0

    def _fix(self):
        def carry(small, big, size):
            value = getattr(self, small)
            if abs(value) > size - 1:
                sign = 1 if value > 0 else -1
                div, mod = divmod(value * sign, size)
                setattr(self, small, mod * sign)
                setattr(self, big, getattr(self, big) + div * sign)

        carry("microseconds", "seconds", 1000000)
        carry("seconds", "minutes", 60)
        carry("minutes", "hours", 60)
        carry("hours", "days", 24)
        carry("months", "years", 12)

    def _relative(self):
        return (self.years, self.months, self.days, self.leapdays, self.hours, self.minutes,
                self.seconds, self.microseconds)

    def _absolute(self):
        return (self.year, self.month, self.day, self.weekday, self.hour, self.minute, self.second,
                self.microsecond)

    def __add__(self, other):
        if isinstance(other, relativedelta):
            mine, theirs = self._absolute(), other._absolute()
            return relativedelta(
                years=self.years + other.years, months=self.months + other.months,
                days=self.days + other.days, leapdays=self.leapdays or other.leapdays,
                hours=self.hours + other.hours, minutes=self.minutes + other.minutes,
                seconds=self.seconds + other.seconds,
                microseconds=self.microseconds + other.microseconds,
                **{name: theirs[i] if theirs[i] is not None else mine[i] for i, name in
                   enumerate(("year", "month", "day", "weekday", "hour", "minute", "second",
                              "microsecond"))})
        if isinstance(other, _dt.timedelta):
            return self.__add__(relativedelta(days=other.days, seconds=other.seconds,
                                              microseconds=other.microseconds))
        if not isinstance(other, _dt.date):
            return NotImplemented
        year = (self.year or other.year) + self.years
        month = self.month or other.month
        if self.months:
            month += self.months
            if month > 12:
                year += 1
                month -= 12
            elif month < 1:
                year -= 1
                month += 12
        day = min(_month_days(year, month), self.day or other.day)
        replace = {"year": year, "month": month, "day": day}
        if isinstance(other, _dt.datetime):
            for name in ("hour", "minute", "second", "microsecond"):
                if getattr(self, name) is not None:
                    replace[name] = getattr(self, name)
        days = self.days
        if self.leapdays and month > 2 and _is_leap(year):
            days += self.leapdays
        result = other.replace(**replace) + _dt.timedelta(
            days=days, hours=self.hours, minutes=self.minutes, seconds=self.seconds,
            microseconds=self.microseconds)
        if self.weekday is not None:
            wd, nth = self.weekday.weekday, self.weekday.n or 1
            jumpdays = (abs(nth) - 1) * 7
            if nth > 0:
                jumpdays += (7 - result.weekday() + wd) % 7
            else:
                jumpdays += (result.weekday() - wd) % 7
                jumpdays *= -1
            result += _dt.timedelta(days=jumpdays)
        return result

    __radd__ = __add__

    def __rsub__(self, other):
        return self.__neg__().__radd__(other)

    def __sub__(self, other):
        if not isinstance(other, relativedelta):
            return NotImplemented
        return self.__add__(-other)

    def __neg__(self):
        return relativedelta(
            years=-self.years, months=-self.months, days=-self.days, leapdays=self.leapdays,
            hours=-self.hours, minutes=-self.minutes, seconds=-self.seconds,
            microseconds=-self.microseconds, year=self.year, month=self.month, day=self.day,
            weekday=self.weekday, hour=self.hour, minute=self.minute, second=self.second,
            microsecond=self.microsecond)

    def __mul__(self, other):
        factor = float(other)
        return relativedelta(
            years=int(self.years * factor), months=int(self.months * factor),
            days=int(self.days * factor), hours=int(self.hours * factor),
            minutes=int(self.minutes * factor), seconds=int(self.seconds * factor),
            microseconds=int(self.microseconds * factor), leapdays=self.leapdays, year=self.year,
            month=self.month, day=self.day, weekday=self.weekday, hour=self.hour,
            minute=self.minute, second=self.second, microsecond=self.microsecond)

    __rmul__ = __mul__

    def __bool__(self):
        return any(self._relative()) or any(x is not None for x in self._absolute())

    def __eq__(self, other):
        if not isinstance(other, relativedelta):
            return NotImplemented
        return self._relative() == other._relative() and self._absolute() == other._absolute()

    def __hash__(self):
        return hash((self._relative(), self._absolute()))

    def __repr__(self):
        parts = ["%s=%+d" % (name, value) for name, value in zip(
            ("years", "months", "days", "leapdays", "hours", "minutes", "seconds",
             "microseconds"), self._relative()) if value]
        parts += ["%s=%r" % (name, value) for name, value in zip(
            ("year", "month", "day", "weekday", "hour", "minute", "second", "microsecond"),
            self._absolute()) if value is not None]
        return "relativedelta(%s)" % ", ".join(parts)


# ---------------------------------------------------------------------------------------------------
# timezone: pytz's timezone(name), backed by the JVM's time-zone rules (zoneinfo has no data here).


class UnknownTimeZoneError(KeyError):
    pass


class _Zone(_dt.tzinfo):
    def __init__(self, name):
        self.zone = name

    def utcoffset(self, dt):
        if dt is None:
            return None
        local = _dt.datetime(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second)
        seconds = _HOST.zoneOffsetLocal(self.zone, _timegm(local))
        return _dt.timedelta(seconds=seconds)

    def dst(self, dt):
        if dt is None:
            return None
        local = _dt.datetime(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second)
        return _dt.timedelta(seconds=_HOST.zoneDstLocal(self.zone, _timegm(local)))

    def tzname(self, dt):
        offset = self.utcoffset(dt)
        if offset is None:
            return self.zone
        minutes = int(offset.total_seconds() // 60)
        return "%s%02d:%02d" % ("+" if minutes >= 0 else "-", abs(minutes) // 60, abs(minutes) % 60)

    def fromutc(self, dt):
        naive = dt.replace(tzinfo=None)
        seconds = _HOST.zoneOffsetUtc(self.zone, _timegm(naive))
        return (naive + _dt.timedelta(seconds=seconds)).replace(tzinfo=self)

    def localize(self, dt, is_dst=False):
        if dt.tzinfo is not None:
            raise ValueError("Not naive datetime (tzinfo is already set)")
        return dt.replace(tzinfo=self)

    def normalize(self, dt):
        return dt.astimezone(self)

    def __repr__(self):
        return "<timezone %r>" % self.zone

    def __eq__(self, other):
        return isinstance(other, _Zone) and other.zone == self.zone

    def __hash__(self):
        return hash(self.zone)


def timezone(name):
    """pytz.timezone: timezone('Europe/Kyiv').localize(naive), dt.astimezone(timezone('UTC'))."""
    if not isinstance(name, str) or not _HOST.zoneExists(name):
        raise UnknownTimeZoneError(name)
    return _Zone(name)


# ---------------------------------------------------------------------------------------------------
# Odoo's float tools.


def _rounding_factor(precision_digits, precision_rounding):
    if precision_digits is not None and precision_rounding is not None:
        raise ValueError("give precision_digits or precision_rounding, not both")
    if precision_rounding is None:
        if precision_digits is None:
            raise ValueError("give precision_digits or precision_rounding")
        return 10 ** -precision_digits
    if precision_rounding <= 0:
        raise ValueError("precision_rounding must be positive, got %s" % precision_rounding)
    return precision_rounding


def float_round(value, precision_digits=None, precision_rounding=None, rounding_method="HALF-UP"):
    factor = _rounding_factor(precision_digits, precision_rounding)
    if value == 0:
        return 0.0
    normalized = value / factor
    epsilon = 2 ** (_math.log(abs(normalized), 2) - 52)
    if rounding_method == "HALF-UP":
        rounded = round(normalized + _math.copysign(epsilon, normalized))
    elif rounding_method == "HALF-DOWN":
        rounded = round(normalized - _math.copysign(epsilon, normalized))
    elif rounding_method == "HALF-EVEN":
        rounded = round(normalized)
    elif rounding_method == "UP":
        rounded = _math.copysign(_math.ceil(abs(normalized) - epsilon), normalized)
    elif rounding_method == "DOWN":
        rounded = _math.copysign(_math.floor(abs(normalized) + epsilon), normalized)
    else:
        raise ValueError("unknown rounding_method %r" % rounding_method)
    return float(rounded * factor) if precision_digits is None else round(rounded * factor, precision_digits)


def float_is_zero(value, precision_digits=None, precision_rounding=None):
    factor = _rounding_factor(precision_digits, precision_rounding)
    return abs(float_round(value, precision_rounding=factor)) < factor


def float_compare(value1, value2, precision_digits=None, precision_rounding=None):
    """-1, 0 or 1 as value1 is below, equal to (at the precision) or above value2, as Odoo's."""
    factor = _rounding_factor(precision_digits, precision_rounding)
    delta = float_round(value1, precision_rounding=factor) - float_round(value2, precision_rounding=factor)
    if float_is_zero(delta, precision_rounding=factor):
        return 0
    return -1 if delta < 0 else 1


def b64encode(s, altchars=None):
    import base64
    return base64.b64encode(s, altchars)


def b64decode(s, altchars=None, validate=False):
    import base64
    return base64.b64decode(s, altchars, validate)


# ---------------------------------------------------------------------------------------------------
# Recordsets: read-only, Odoo-like, over the source database. Reading a field of one record reads
# the stored fields of every record it was fetched with (Odoo's prefetching), so a loop over a page
# costs one query per model, not one per record.


class _Field:
    __slots__ = ("name", "kind", "comodel", "type")

    def __init__(self, name, kind, comodel, type_):
        self.name = name
        self.kind = kind
        self.comodel = comodel
        self.type = type_

    @property
    def relational(self):
        return self.kind != "scalar"


def _host_result(value):
    if isinstance(value, str):
        raise ValueError(value)
    return value


class Environment:
    """env: env['res.partner'] is the model (an empty recordset), read-only."""

    def __init__(self, lang):
        self.lang = lang
        self.context = {"lang": lang}
        self._models = {}
        self._rows = {}
        self._related = {}
        self._m2o_prefetch = {}
        self._classes = {}

    def __getitem__(self, model):
        self._model(model)
        return self._records(model, ())

    def __contains__(self, model):
        return isinstance(model, str) and _HOST.modelExists(model)

    def __call__(self, *args, **kwargs):
        return self

    def ref(self, xmlid, raise_if_not_found=True):
        raise UserError("env.ref(%r): apisync reads the source database directly and has no "
                        "external ids; search by a field instead" % (xmlid,))

    @property
    def user(self):
        raise UserError("env.user: apisync scripts run outside any Odoo user session")

    @property
    def company(self):
        raise UserError("env.company: apisync scripts run outside any Odoo user session")

    def _records(self, model, ids, prefetch=None):
        cls = self._classes.get(model)
        if cls is None:
            cls = self._class(model)
        return cls(self, model, ids, prefetch)

    def _class(self, model):
        """The model's recordset class: RecordSet with a descriptor per field, so that reading a
        field is a plain attribute lookup (__getattr__ is costly: it follows a failed lookup)."""
        cls = self._classes.get(model)
        if cls is not None:
            return cls
        try:
            fields = self._model(model)
        except KeyError:
            cls = RecordSet
        else:
            key = (model, tuple((f.name, f.kind, f.comodel, f.type) for f in fields.values()))
            cls = _CLASSES.get(key)
            if cls is None:
                if len(_CLASSES) > 200:
                    _CLASSES.clear()
                attributes = {"__slots__": ()}
                for name, field in fields.items():
                    if not hasattr(RecordSet, name):
                        attributes[name] = _FieldDescriptor(field)
                cls = _CLASSES[key] = type(model, (RecordSet,), attributes)
        self._classes[model] = cls
        return cls

    def _model(self, model):
        fields = self._models.get(model)
        if fields is None:
            if not isinstance(model, str):
                raise KeyError(model)
            described = _HOST.fields(model)
            if isinstance(described, str):
                raise KeyError(described)
            fields = {}
            for name, kind, comodel, type_ in described:
                fields[name] = _Field(name, kind, comodel, type_)
            self._models[model] = fields
        return fields

    def _field(self, model, name):
        return self._model(model).get(name)

    def _row(self, model, record_id, prefetch):
        rows = self._rows.get(model)
        if rows is None:
            rows = self._rows[model] = {}
        row = rows.get(record_id, _MISSING)
        if row is _MISSING:
            self._fetch(model, record_id, prefetch, rows)
            row = rows[record_id]
        if row is None:
            raise MissingError("Record does not exist or has been deleted. (Record: %s(%d,))"
                               % (model, record_id))
        return row

    def _fetch(self, model, record_id, prefetch, rows):
        fields = [f for f in self._model(model).values() if f.kind in ("scalar", "many2one")]
        wanted = [record_id]
        for other in prefetch:
            if len(wanted) >= _PREFETCH_MAX:
                break
            if other not in rows and other != record_id:
                wanted.append(other)
        read = _host_result(_HOST.read(model, wanted, [f.name for f in fields]))
        for row in read:
            values = {}
            for index, field in enumerate(fields):
                values[field.name] = _from_host(row[index + 1], field)
            rows[row[0]] = values
        for missing in wanted:
            rows.setdefault(missing, None)
        self._m2o_prefetch.pop(model, None)

    def _x2many(self, model, field, record_id, prefetch):
        key = (model, field.name)
        cache = self._related.get(key)
        if cache is None:
            cache = self._related[key] = [{}, ()]
        links = cache[0]
        if record_id not in links:
            wanted = [record_id] + [i for i in prefetch if i not in links and i != record_id]
            wanted = wanted[:_PREFETCH_MAX]
            for row in _host_result(_HOST.related(model, field.name, wanted)):
                links[row[0]] = tuple(row[1])
            for missing in wanted:
                links.setdefault(missing, ())
            # The related records of all of them are prefetched together, as Odoo does.
            cache[1] = tuple(dict.fromkeys(i for ids in links.values() for i in ids))
        return self._records(field.comodel, links[record_id], cache[1])

    def _many2one_prefetch(self, model, field):
        key = (model, field.name)
        known = self._m2o_prefetch.get(model, {}).get(key)
        if known is None:
            seen = {}
            for row in self._rows.get(model, {}).values():
                if row is not None and row[field.name]:
                    seen[row[field.name]] = True
            known = tuple(seen)
            self._m2o_prefetch.setdefault(model, {})[key] = known
        return known


class _FieldDescriptor:
    __slots__ = ("field",)

    def __init__(self, field):
        self.field = field

    def __get__(self, records, owner=None):
        if records is None:
            return self
        return records._get(self.field)

    def __set__(self, records, value):
        raise AccessError("records are read-only in apisync scripts (setting %r on %r)"
                          % (self.field.name, records))


_CLASSES = {}


def _from_host(value, field):
    if field.kind == "many2one":
        return value
    if value is None:
        return 0 if field.type == "int" else 0.0 if field.type == "float" else False
    if field.type == "date":
        return _dt.date.fromisoformat(value)
    if field.type == "datetime":
        return _dt.datetime.fromisoformat(value)
    return value


class RecordSet:
    """An Odoo recordset: iterate it, len() it, read fields of a single record as attributes."""

    # No __setattr__ guard: it would make every recordset slower to build, and assigning a field
    # fails anyway (there is no slot for it); write() and friends raise AccessError.
    __slots__ = ("env", "_name", "_ids", "_prefetch")

    def __init__(self, env, model, ids, prefetch=None):
        ids = ids if type(ids) is tuple else tuple(ids)
        self.env = env
        self._name = model
        self._ids = ids
        self._prefetch = ids if prefetch is None else prefetch

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        field = self.env._field(self._name, name)
        if field is None:
            if name == "display_name":
                return self.name if self.env._field(self._name, "name") else str(self.id)
            raise AttributeError("'%s' object has no attribute '%s'" % (self._name, name))
        return self._get(field)

    def __getitem__(self, key):
        if isinstance(key, str):
            field = self.env._field(self._name, key)
            if field is None:
                raise KeyError("Invalid field %r on model %r" % (key, self._name))
            return self._get(field)
        if isinstance(key, slice):
            return type(self)(self.env, self._name, self._ids[key], self._prefetch)
        return type(self)(self.env, self._name, (self._ids[key],), self._prefetch)

    def _get(self, field):
        if field.kind == "computed":
            # A computed, non-stored field is never read: its type is the refusal, naming it.
            raise ValueError(field.type)
        ids = self._ids
        if len(ids) != 1:
            if ids:
                raise ValueError("Expected singleton: %r" % (self,))
            if field.relational:
                return self.env._records(field.comodel, ())
            return _from_host(None, field)
        record_id = ids[0]
        if field.kind in ("one2many", "many2many"):
            return self.env._x2many(self._name, field, record_id, self._prefetch)
        value = self.env._row(self._name, record_id, self._prefetch)[field.name]
        if field.kind == "many2one":
            return self.env._records(field.comodel, (value,) if value else (),
                                     self.env._many2one_prefetch(self._name, field))
        return value

    @property
    def id(self):
        if not self._ids:
            return False
        self.ensure_one()
        return self._ids[0]

    @property
    def ids(self):
        return list(self._ids)

    def ensure_one(self):
        if len(self._ids) != 1:
            raise ValueError("Expected singleton: %r" % (self,))
        return self

    def exists(self):
        if not self._ids:
            return self
        found = set(_host_result(_HOST.existing(self._name, list(self._ids))))
        return type(self)(self.env, self._name, [i for i in self._ids if i in found], self._prefetch)

    def browse(self, ids=()):
        if ids is None or ids is False:
            ids = ()
        elif isinstance(ids, int):
            ids = (ids,)
        return type(self)(self.env, self._name, tuple(int(i) for i in ids))

    def search(self, domain, offset=0, limit=None, order=None, count=False):
        if count:
            return self.search_count(domain)
        ids = _host_result(_HOST.search(self._name, _domain_text(domain), order or "",
                                        -1 if limit is None else int(limit), int(offset or 0)))
        ids = tuple(ids)
        return type(self)(self.env, self._name, ids, ids)

    def search_count(self, domain, limit=None):
        return _host_result(_HOST.count(self._name, _domain_text(domain),
                                        -1 if limit is None else int(limit)))

    def search_read(self, domain=None, fields=None, offset=0, limit=None, order=None):
        records = self.search(domain or [], offset=offset, limit=limit, order=order)
        names = fields or [name for name, f in self.env._model(self._name).items()
                           if not f.relational or f.kind == "many2one"]
        return [record._as_dict(names) for record in records]

    def _as_dict(self, names):
        values = {"id": self.id}
        for name in names:
            value = self[name]
            values[name] = value.ids if isinstance(value, RecordSet) else value
        return values

    def mapped(self, func):
        if not func:
            return self
        if isinstance(func, str):
            recs = self
            for name in func.split("."):
                if not isinstance(recs, RecordSet):
                    raise ValueError("mapped(%r): %r is not a relational field" % (func, name))
                recs = recs._mapped_field(name)
            return recs
        values = [func(record) for record in self]
        if values and isinstance(values[0], RecordSet):
            return _union(values[0].env, values[0]._name, values)
        return values

    def _mapped_field(self, name):
        field = self.env._field(self._name, name)
        if field is None:
            raise AttributeError("'%s' object has no attribute '%s'" % (self._name, name))
        values = [record._get(field) for record in self]
        if field.relational:
            return _union(self.env, field.comodel, values)
        return values

    def filtered(self, func):
        if isinstance(func, str):
            path = func
            func = lambda record: any(record.mapped(path))
        return type(self)(self.env, self._name, [r.id for r in self if func(r)], self._prefetch)

    def filtered_domain(self, domain):
        return self & self.search(domain)

    def sorted(self, key=None, reverse=False):
        if key is None:
            ids = sorted(self._ids, reverse=reverse)
        else:
            if isinstance(key, str):
                field = key
                key = lambda record: record[field]
            ids = [r.id for r in sorted(self, key=key, reverse=reverse)]
        return type(self)(self.env, self._name, ids, self._prefetch)

    def with_context(self, *args, **kwargs):
        return self

    def sudo(self, *args, **kwargs):
        return self

    def with_user(self, *args, **kwargs):
        return self

    def with_company(self, *args, **kwargs):
        return self

    def _read_only(self, *args, **kwargs):
        raise AccessError("the source database is read-only in apisync scripts")

    write = create = unlink = copy = _read_only

    def __iter__(self):
        cls = type(self)
        for record_id in self._ids:
            yield cls(self.env, self._name, (record_id,), self._prefetch)

    def __reversed__(self):
        cls = type(self)
        for record_id in reversed(self._ids):
            yield cls(self.env, self._name, (record_id,), self._prefetch)

    def __len__(self):
        return len(self._ids)

    def __bool__(self):
        return bool(self._ids)

    def __contains__(self, item):
        if isinstance(item, RecordSet):
            return item._name == self._name and len(item._ids) == 1 and item._ids[0] in self._ids
        raise TypeError("unsupported operand: %r in %r" % (item, self))

    def _same_model(self, other, operator):
        if not isinstance(other, RecordSet) or other._name != self._name:
            raise TypeError("unsupported operand types in: %r %s %r" % (self, operator, other))

    def __add__(self, other):
        self._same_model(other, "+")
        return type(self)(self.env, self._name, self._ids + other._ids)

    def __or__(self, other):
        self._same_model(other, "|")
        return _union(self.env, self._name, [self, other])

    def __and__(self, other):
        self._same_model(other, "&")
        theirs = set(other._ids)
        return type(self)(self.env, self._name, [i for i in dict.fromkeys(self._ids) if i in theirs])

    def __sub__(self, other):
        self._same_model(other, "-")
        theirs = set(other._ids)
        return type(self)(self.env, self._name, [i for i in self._ids if i not in theirs])

    def __eq__(self, other):
        if not isinstance(other, RecordSet):
            return NotImplemented
        return self._name == other._name and set(self._ids) == set(other._ids)

    def __hash__(self):
        return hash((self._name, frozenset(self._ids)))

    def __repr__(self):
        return "%s%r" % (self._name, self._ids)

    __str__ = __repr__


def _union(env, model, recordsets):
    ids = {}
    prefetch = {}
    for records in recordsets:
        for i in records._ids:
            ids[i] = True
        for i in records._prefetch:
            prefetch[i] = True
    return env._records(model, tuple(ids), tuple(prefetch) or tuple(ids))


# ---------------------------------------------------------------------------------------------------
# Values leaving Python: results become JSON text, domains become Odoo's literal domain text.


def _is_decimal(value):
    decimal = _sys.modules.get("decimal")
    return decimal is not None and isinstance(value, decimal.Decimal)


_ESCAPES = {i: "\\u%04x" % i for i in range(32)}
_ESCAPES.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r",
                 ord("\t"): "\\t", 0x2028: "\\u2028", 0x2029: "\\u2029"})


def _quote(text):
    return '"' + text.translate(_ESCAPES) + '"'


def _result_json(value, what):
    """A script's value as JSON text. The json module's encoder first: it is many times faster on
    the plain data scripts mostly return (a page of records is hundreds of values). Anything it
    refuses (dates, Decimals, sets, bytes, recordsets, NaN, cycles) goes through _dumps, which
    converts what it can and says what it cannot. Line and paragraph separators are escaped, as
    _dumps does, so the text is also safe inside JavaScript."""
    try:
        text = _json().dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return _dumps(value, what)
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return text


def _dumps(value, what, depth=0):
    if depth > _MAX_DEPTH:
        raise ValueError("%s nests deeper than %d levels (a cycle?)" % (what, _MAX_DEPTH))
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("%s holds %r, which JSON cannot carry" % (what, value))
        return repr(value)
    if isinstance(value, str):
        return _quote(value)
    if _is_decimal(value):
        if not value.is_finite():
            raise ValueError("%s holds %r, which JSON cannot carry" % (what, value))
        return str(value)
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            if isinstance(key, bool) or key is None:
                key = _dumps(key, what)
            elif isinstance(key, (int, float)) or _is_decimal(key):
                key = str(key)
            elif not isinstance(key, str):
                raise TypeError("%s has a %s key %r; JSON keys are text" % (what, type(key).__name__, key))
            items.append(_quote(key) + ":" + _dumps(item, what, depth + 1))
        return "{" + ",".join(items) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ",".join(_dumps(item, what, depth + 1) for item in value) + "]"
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return '"' + value.isoformat() + 'Z"'
    if isinstance(value, (_dt.date, _dt.time)):
        return '"' + value.isoformat() + '"'
    if isinstance(value, (bytes, bytearray)):
        try:
            return _quote(bytes(value).decode("utf-8"))
        except UnicodeDecodeError:
            raise TypeError("%s holds bytes that are not UTF-8 text; b64encode(...).decode() them"
                            % what) from None
    if isinstance(value, RecordSet):
        raise TypeError("%s is a recordset %r; return its .id, .ids or a field's value" % (what, value))
    raise TypeError("%s holds a %s, which JSON cannot carry; use str, int, float, bool, None, "
                    "list or dict" % (what, type(value).__name__))


def _domain_text(domain):
    if isinstance(domain, str):
        return domain
    if not isinstance(domain, (list, tuple)):
        raise TypeError("a domain is a list of terms, got %s" % type(domain).__name__)
    return _literal(list(domain))


def _literal(value):
    if value is None or value is True or value is False:
        return repr(value)
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("a domain cannot hold %r" % value)
        return repr(value)
    if _is_decimal(value):
        return str(value)
    if isinstance(value, str):
        return repr(str(value))
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return repr(value.strftime("%Y-%m-%d %H:%M:%S"))
    if isinstance(value, _dt.date):
        return repr(value.strftime("%Y-%m-%d"))
    if isinstance(value, RecordSet):
        return _literal(list(value._ids))
    if isinstance(value, tuple):
        items = [_literal(item) for item in value]
        return "(" + items[0] + ",)" if len(items) == 1 else "(" + ", ".join(items) + ")"
    if isinstance(value, (list, set, frozenset)):
        return "[" + ", ".join(_literal(item) for item in value) + "]"
    raise TypeError("a domain cannot hold a %s (%r)" % (type(value).__name__, value))


# ---------------------------------------------------------------------------------------------------
# The sandboxed namespace: restricted builtins and an import guard. The JVM sandbox (no IO, process,
# thread, native or host-class access) is the real boundary; these make its refusals read clearly.

_FACADES = {
    "datetime": _module("datetime", datetime=datetime, date=date, time=_dt.time,
                        timedelta=_dt.timedelta, timezone=_dt.timezone, tzinfo=_dt.tzinfo,
                        MINYEAR=_dt.MINYEAR, MAXYEAR=_dt.MAXYEAR),
    "time": time,
    "pytz": _module("pytz", timezone=timezone, utc=_dt.timezone.utc, UTC=_dt.timezone.utc,
                    UnknownTimeZoneError=UnknownTimeZoneError),
}
_FACADES["dateutil.relativedelta"] = _module(
    "dateutil.relativedelta", relativedelta=relativedelta, MO=MO, TU=TU, WE=WE, TH=TH, FR=FR,
    SA=SA, SU=SU, weekday=weekday)
_FACADES["dateutil"] = _module("dateutil", relativedelta=_FACADES["dateutil.relativedelta"])

_ALLOWED_IMPORTS = frozenset((
    "base64", "bisect", "calendar", "collections", "copy", "dataclasses", "decimal", "enum",
    "fractions", "functools", "hashlib", "heapq", "hmac", "html", "itertools", "json", "math",
    "numbers", "operator", "random", "re", "statistics", "string", "textwrap", "typing",
    "unicodedata", "urllib.parse", "uuid"))

_real_import = _builtins.__import__
_SCRIPT_SCOPE = "__apisync__"

def _import(name, globals=None, locals=None, fromlist=(), level=0):
    """builtins.__import__: guarded for script code (whose globals are a _scope()), plain for the
    standard library's own imports. GraalPy resolves builtins from the builtins module, not from a
    scope's __builtins__, so the guard is installed there."""
    if globals is None:
        # __import__('os') called directly: judge by the caller's globals.
        globals = _sys._getframe(1).f_globals
    if globals.get("__name__") == _SCRIPT_SCOPE:
        return _guarded_import(name, globals, locals, fromlist, level)
    return _real_import(name, globals, locals, fromlist, level)


def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level:
        raise ImportError("relative imports are not available in apisync scripts")
    if name in _FACADES and name not in _ALLOWED_IMPORTS:
        if "." in name and not fromlist:
            return _FACADES[name.partition(".")[0]]
        return _FACADES[name]
    if name in _ALLOWED_IMPORTS:
        module = _public_facade(name)
        if "." in name and not fromlist:
            return _public_facade(name.partition(".")[0])
        return module
    raise ImportError(
        "import of '%s' is not allowed in apisync scripts: they have no file, network, process "
        "or thread access (importable: datetime, time, json, re, math, decimal, base64, "
        "dateutil, pytz, collections, ...)" % name, name=name)


_ModuleType = type(_sys)


def _public_facade(name):
    """What a script gets for an allowed module: a copy of its public names, without the modules
    it imported (re.enum.sys.modules would lead to any module, this runtime included), some
    entry points guarded (_GUARDED_MEMBERS). One per context, built on first import."""
    facade = _FACADES.get(name)
    if facade is None:
        module = _real_import(name, None, None, ("__name__",), 0)
        members = {}
        for key in dir(module):
            if key.startswith("_"):
                continue
            value = getattr(module, key, None)
            if not isinstance(value, _ModuleType):
                members[key] = value
        members.update(_GUARDED_MEMBERS.get(name, {}))
        facade = _FACADES[name] = _module(name, **members)
        if "." in name:
            parent, _, child = name.rpartition(".")
            setattr(_public_facade(parent), child, facade)
    return facade


_builtins.__import__ = _import


# ---------------------------------------------------------------------------------------------------
# The runtime's internals are out of reach: a script cannot name a dunder (__globals__, __class__,
# __builtins__, __subclasses__, ...), an attribute starting with "_" (but Odoo's records._name and
# ._ids), or a frame, code or traceback attribute, neither in its code (refused when compiled, so
# a config holding one is refused when saved) nor by name at run time (getattr, operator's
# attrgetter, format fields). setattr, vars, eval, exec and friends are not there at all.

_UNSAFE_ATTRIBUTES = frozenset((
    "f_back", "f_builtins", "f_code", "f_globals", "f_locals", "f_trace", "gi_code", "gi_frame",
    "gi_yieldfrom", "cr_code", "cr_frame", "cr_await", "ag_code", "ag_frame", "ag_await",
    "tb_frame", "tb_next", "mro", "func_code", "func_globals"))
_PUBLIC_PRIVATES = frozenset(("_name", "_ids", "__name__"))
_ast = None  # imported on the first check (the pool's warm-up makes one)
_FORMAT_FIELD = None
_SUSPECT = None


def _refusal(name):
    return "'%s' is not accessible in apisync scripts: the runtime's internals are out of reach" % name


def _check_attribute(name):
    if not isinstance(name, str):
        return
    if name in _UNSAFE_ATTRIBUTES or (name.startswith("_") and name not in _PUBLIC_PRIVATES):
        raise AttributeError(_refusal(name))


def _forbidden(node):
    """What the AST node reaches that scripts may not, or None."""
    if isinstance(node, _ast.Attribute):
        name = node.attr
        if name in _UNSAFE_ATTRIBUTES or (name.startswith("_") and name not in _PUBLIC_PRIVATES):
            return _refusal(name)
    elif isinstance(node, _ast.Name) and node.id.startswith("__"):
        return _refusal(node.id)
    elif isinstance(node, _ast.alias) and node.name.startswith("_"):
        return _refusal(node.name)
    elif isinstance(node, _ast.Constant) and isinstance(node.value, str) \
            and "{" in node.value and _FORMAT_FIELD.search(node.value):
        return ("a format field may not reach an attribute or key starting with '_' in apisync"
                " scripts: the runtime's internals are out of reach")
    return None


def _check_code(text, filename):
    """Raises SyntaxError, at its line, for the first thing the script may not reach."""
    global _ast, _FORMAT_FIELD, _SUSPECT
    if _ast is None:
        re = _real_import("re")
        _FORMAT_FIELD = re.compile(r"\{[^{}]*?(?:\.|\[)\s*_")
        # Everything _forbidden() refuses has an identifier starting with "_" or an unsafe name:
        # text without either needs no parse.
        _SUSPECT = re.compile(r"(?<![A-Za-z0-9_])_|" + "|".join(sorted(_UNSAFE_ATTRIBUTES)))
        _ast = _real_import("ast")
    if not _SUSPECT.search(text):
        return
    for node in _ast.walk(_ast.parse(text, filename)):
        message = _forbidden(node)
        if message is not None:
            error = SyntaxError(message)
            error.lineno = getattr(node, "lineno", 1)
            error.filename = filename
            raise error


def _getattr(obj, name, *default):
    _check_attribute(name)
    return getattr(obj, name, *default)


def _hasattr(obj, name):
    _check_attribute(name)
    return hasattr(obj, name)


def _unavailable(name):
    def refuse(*args, **kwargs):
        raise NameError("%s() is not available in apisync scripts" % name)
    refuse.__name__ = name
    return refuse


def _attrgetter(*names):
    for name in names:
        for part in str(name).split("."):
            _check_attribute(part)
    import operator
    return operator.attrgetter(*names)


def _methodcaller(name, *args, **kwargs):
    _check_attribute(name)
    import operator
    return operator.methodcaller(name, *args, **kwargs)


_SHADOWED = {name: _unavailable(name) for name in (
    "setattr", "delattr", "vars", "globals", "locals", "eval", "exec", "compile", "breakpoint",
    "input", "help")}
_SHADOWED.update(getattr=_getattr, hasattr=_hasattr)

# Entry points of allowed modules that reach attributes by name, guarded or left out
# (string.Formatter().get_field("0.__globals__", ...) would otherwise be a way in).
_GUARDED_MEMBERS = {
    "operator": {"attrgetter": _attrgetter, "methodcaller": _methodcaller},
    "string": {"Formatter": _unavailable("string.Formatter")},
}

_COMMON = {
    "datetime": datetime, "date": date, "timedelta": _dt.timedelta, "relativedelta": relativedelta,
    "time": time, "timezone": timezone, "context_today": context_today, "b64encode": b64encode,
    "b64decode": b64decode, "float_compare": float_compare, "float_round": float_round,
    "float_is_zero": float_is_zero, "UserError": UserError, "ValidationError": ValidationError,
    "MO": MO, "TU": TU, "WE": WE, "TH": TH, "FR": FR, "SA": SA, "SU": SU,
}
_COMMON.update(_SHADOWED)


def _scope(**names):
    scope = {"__name__": _SCRIPT_SCOPE}
    scope.update(_COMMON)
    scope.update(names)
    return scope


# ---------------------------------------------------------------------------------------------------
# Compiled scripts, cached by the host's hash of their text. A python line is an expression when it
# compiles as one; otherwise it runs as statements and its value is what it assigns to `result`.


class _Script:
    __slots__ = ("name", "filename", "code", "expression", "lines", "syntax_error")

    def __init__(self, key, text, name, expression_allowed):
        self.name = name
        self.filename = "<%s#%s>" % (name, key[:12])
        self.lines = text.splitlines()
        self.expression = False
        self.syntax_error = None
        self.code = None
        try:
            self.code = self._compile(text, expression_allowed)
            _check_code(text, self.filename)
        except SyntaxError as error:
            self.code = None
            self.syntax_error = "%s (%s, line %s)" % (error.msg, name, error.lineno)
        except ValueError as error:
            self.code = None
            self.syntax_error = "%s (%s)" % (error, name)

    def _compile(self, text, expression_allowed):
        if expression_allowed:
            try:
                code = compile(text, self.filename, "eval", dont_inherit=True)
                self.expression = True
                return code
            except (SyntaxError, ValueError):
                pass
        return compile(text, self.filename, "exec", dont_inherit=True)

    def bind(self, scope):
        """The script as a function of the scope's names: calling it runs the script (much faster
        than eval/exec of the code object, and the same call target each time, so it compiles)."""
        if self.syntax_error is not None:
            raise SyntaxError(self.syntax_error)
        return _Function(self.code, scope)

    def run(self, scope):
        value = self.bind(scope)()
        return value if self.expression else scope.get("result", _MISSING)


_Function = type(_install)
_SCRIPTS = {}
_SCRIPTS_BY_FILE = {}


def _script(key, text, name, expression_allowed):
    script = _SCRIPTS.get(key)
    if script is None or script.name != name:
        if len(_SCRIPTS) > 500:
            _SCRIPTS.clear()
            _SCRIPTS_BY_FILE.clear()
        script = _Script(key, text, name, expression_allowed)
        _SCRIPTS[key] = script
        _SCRIPTS_BY_FILE[script.filename] = script
    return script


def _describe(error):
    """(message naming the line, traceback of the script's own frames as Python prints them)."""
    kind = type(error).__name__
    detail = str(error)
    if isinstance(error, SyntaxError) and error.filename in _SCRIPTS_BY_FILE:
        script = _SCRIPTS_BY_FILE[error.filename]
        detail = "%s (%s, line %s)" % (error.msg, script.name, error.lineno)
    message = "%s: %s" % (kind, detail) if detail else kind
    frames = []
    last_line = None
    tb = error.__traceback__
    while tb is not None:
        script = _SCRIPTS_BY_FILE.get(tb.tb_frame.f_code.co_filename)
        if script is not None:
            last_line = tb.tb_lineno
            text = script.lines[last_line - 1].strip() if 0 < last_line <= len(script.lines) else ""
            frames.append('  File "%s", line %d, in %s\n    %s' % (
                script.name, last_line, tb.tb_frame.f_code.co_name, text))
        tb = tb.tb_next
    if not frames:
        return message, ""
    return "%s (line %d)" % (message, last_line), "Traceback (most recent call last):\n" + "\n".join(frames)


# ---------------------------------------------------------------------------------------------------
# Entry points, called by the host with a borrowed context.


def _run_lines(model, ids, lines, now_ms, lang):
    """Evaluates python lines for each record. After each record the host gets its outcomes, one
    per line: the value as JSON text, or (message, traceback) when the line raised."""
    _NOW_MS[0] = now_ms
    env = Environment(lang)
    ids = tuple(ids)
    scripts = [_script(key, text, name, True) for key, text, name in lines]
    base = _scope(env=env, model=env._records(model, ()), request_data=None)
    # An expression cannot assign, so an expression line is one function over one scope for the
    # page; statements get a fresh scope per record, so nothing one record assigns leaks into the
    # next.
    scopes = [dict(base) if script.expression else None for script in scripts]
    functions = [None] * len(scripts)
    for index, script in enumerate(scripts):
        if script.expression:
            functions[index] = script.bind(scopes[index])
    records_class = env._class(model)
    record_done = _HOST.recordDone
    for position, record_id in enumerate(ids):
        record = records_class(env, model, (record_id,), ids)
        outcomes = []
        for index, script in enumerate(scripts):
            try:
                function = functions[index]
                if function is not None:
                    scope = scopes[index]
                    scope["record"] = scope["records"] = record
                    value = function()
                else:
                    scope = dict(base)
                    scope["record"] = scope["records"] = record
                    value = script.run(scope)
                if value is _MISSING:
                    raise NameError("%s ran as statements but assigned no `result`; assign the "
                                    "line's value to result, or write a single expression"
                                    % script.name)
                outcomes.append(_result_json(value, script.name))
            except Exception as error:
                outcomes.append(_describe(error))
            except SystemExit:
                outcomes.append(("SystemExit: scripts cannot exit", ""))
        record_done(position, outcomes)


def _run_request_script(model, ids, key, text, request_data, now_ms, lang):
    """Runs a request script once; its `result` as JSON text, or None when it set none."""
    _NOW_MS[0] = now_ms
    env = Environment(lang)
    ids = tuple(ids)
    records = env._records(model, ids, ids)
    try:
        script = _script(key, text, "requestScript", False)
        value = script.run(_scope(env=env, model=env._records(model, ()), records=records,
                                  record=records if len(ids) == 1 else None,
                                  request_data=_json().loads(request_data)))
        if value is _MISSING:
            return None
        return ["ok", _result_json(value, "result")]
    except Exception as error:
        message, trace = _describe(error)
        return ["error", message, trace]
    except SystemExit:
        return ["error", "SystemExit: scripts cannot exit", ""]


def _eval_domain(text, now_ms):
    """A Python-valued domain evaluated at now_ms, as Odoo's literal domain text."""
    _NOW_MS[0] = now_ms
    try:
        script = _script("domain:" + text, text, "filterDomain", True)
        if not script.expression:
            raise SyntaxError("a domain is one Python expression, e.g. [('create_date', '>=', ...)]")
        value = script.run(_scope(uid=False, user=None))
        if not isinstance(value, (list, tuple)):
            raise TypeError("the domain evaluated to a %s, not a list of terms" % type(value).__name__)
        return ["ok", _domain_text(value)]
    except Exception as error:
        message, trace = _describe(error)
        return ["error", message, trace]


def _check_syntax(text, name, expression_allowed):
    """None when the text compiles and reaches no internals, else [message, line number]."""
    try:
        compiled = False
        if expression_allowed:
            try:
                compile(text, name, "eval", dont_inherit=True)
                compiled = True
            except SyntaxError:
                pass
        if not compiled:
            compile(text, name, "exec", dont_inherit=True)
        _check_code(text, name)
        return None
    except SyntaxError as error:
        return [error.msg or "invalid syntax", error.lineno or 0]
    except ValueError as error:
        return [str(error), 0]
