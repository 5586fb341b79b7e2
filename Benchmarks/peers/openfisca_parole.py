#!/usr/bin/env python3
"""Peer of `parole cohort` for the benchmark of issue 14 ("Performance"): the Kazakh parole (CC art. 72) and
replacement (art. 73(1)-(3)) eligibility rules written as an OpenFisca country package, run on a population CSV.

Usage:  openfisca_parole.py POP.csv --as-of 2026-12-05 [--horizon 5] [--dates OUT.csv]
        (needs openfisca-core, numpy and pandas; Benchmarks/cohort-peers.sh installs them in a virtual environment)

What it does. Reads the population file (docs/cohort-csv.md) with pandas' C reader; columns with few distinct
values (term, category, tags, sex, the flags and the three dates) are read as categoricals and each distinct value
is parsed once, so no Python code runs per person (the id column is read only with --dates: the counts do not
need it). The people become one OpenFisca `person` entity; the rules are
OpenFisca variables (formulas over numpy arrays) and dated parameters, all defined below (a small country package
inside this script, nothing installed); the period is the as-of date. It prints, as JSON, what `parole cohort
--format json` counts for the two mechanisms: people per status and how many are eligible by the as-of date and by
each year of the horizon; with --dates it also writes each person's earliest date or status (id,kz-parole,
kz-replacement), for the agreement check. The whole run (imports included) is what the benchmark times.

Date arithmetic, as the atlas (Tests/AtlasEngineTests/Golden/kz/README.md, "Convention"): term = M months + D
days; f x M = q whole months + r; anchor = start + q months (clamped to the month end); L = days from the anchor to
anchor + 1 month (clamped); earliest = anchor + ceil(r x L + f x D) days. Life: start + N years (clamped). Exact in
integers (f = numerator/denominator). Ages are whole years, a birthday on 29 February reached on 1 March.

Rules implemented (corpus/jurisdictions/kz.xml; seed = line of the Ombudsman's report):
  parole (kz-parole-2014, in force from 2014-07-03):
    thresholds 1/3 minor+medium, 1/2 grave, 2/3 especially grave (72(3), seed L3679-3685); with a fulfilled
    cooperation agreement 1/3 grave, 1/2 especially grave (72(3), seed L3558-3560); life 25 years, 15 with
    cooperation (72(5), seed L3705-3707); a date after the end of the term is "term-ends-first".
    exclusions (72(8)), with their exceptions:
      terrorism/extremism that caused death or is combined with an especially grave crime (undated, seed L3833-3837);
      grave or especially grave corruption from 2020-12-19 (Law 384-VI, seed L3839-3845), unless the person is
        vulnerable on the decision date (pregnant; a woman with a young child; a man raising a young child alone;
        a woman aged 58+ or a man 63+; disability group I or II: 72(1) para 4, seed L3431-3437) or fulfilled a
        cooperation agreement (seed L3851-3853);
      crimes against the sexual inviolability of minors from 2016-04-09 (Law 501-V, seed L3863-3873), unless the
        offender was a juvenile and the victim aged 14 to 17 (seed L3871);
      murder in a criminal group from 2023-03-17 (Law 212-VII, seed L3875-3883), unless vulnerable (seed L3877).
    The decision date (for the ages) is the later of the threshold date and the as-of date.
  replacement (kz-replacement-2014): only minor, medium and grave crimes (73(1), seed L3931-3935; especially grave
    and life: "out-of-scope"; life for a lesser crime: "no-threshold"); 1/4 minor+medium, 1/3 grave (73(2), seed
    L3991-3995); exclusions, undated: sexual offences against minors (same juvenile exception, seed L4021-4025),
    terrorism/extremism with death or an especially grave crime (seed L4043-4045), organised group (seed L4047).
  The law in time (CC arts 5-6, milder law retroactive): a dated ban reaches a person only when the offence was
    committed on or after the ban's date (every dated change to art. 72 is a new ban, so the law at the offence is
    always the milder one); an offence before 2014-07-03 is judged under the 2014 Code (the corpus has no earlier
    law), so the undated bans reach everyone. With no offence date, a ban
    dated after the start of the term is known not to apply, one dated before may: "undetermined" if it decides.
  Unknown facts are never guessed (three-valued logic): an exclusion that may apply, or an exception that may
    rescue, gives "undetermined" (e.g. a juvenile offender whose victim's age the file does not give).
  Read when the file has them (the synthetic file does not): consequences, cooperation, pregnant, youngChild,
    singleParent, disability, victimAge. Absent yes/no facts are false, absent ages unknown, as in the atlas.

Left out (say so rather than pretend): the repeat-parole thresholds after a revoked parole (72(3) items 3-1 and 4;
  no priorRevocation column in the file); the punishment column (everyone serves imprisonment, the corpus default;
  72(1) restriction of liberty is not modelled); the conditions of grant (no malicious violations, damage
  compensated, 73(1) damage-or-no-violations) and mandatory release (72(1) para 2): they decide whether release is
  granted or owed, not the earliest date, and the file gives neither fact, so the atlas reports the date with the
  condition pending; the term reduction of 73(4) (no date; the cooperation fact alone); an `age` column instead of
  a birth date; the other reading of the law in time (kz-d-intertemporal, law at the decision: the atlas shows it
  as a branch, not in the dates); reforms (the atlas's --reform scenarios); the other jurisdictions.
"""
import argparse
import json
import re
import sys
import time
from datetime import date

T0 = time.perf_counter()

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from openfisca_core.entities import build_entity  # noqa: E402
from openfisca_core.indexed_enums import Enum  # noqa: E402
from openfisca_core.parameters import ParameterNode  # noqa: E402
from openfisca_core.periods import DAY  # noqa: E402
from openfisca_core.simulations import SimulationBuilder  # noqa: E402
from openfisca_core.taxbenefitsystems import TaxBenefitSystem  # noqa: E402
from openfisca_core.variables import Variable  # noqa: E402

T_IMPORT = time.perf_counter()

# ------------------------------------------------------------------ the country package: entity, enums, parameters

Person = build_entity(key="person", plural="persons", label="A sentenced person", is_person=True)


class Category(Enum):
    minor = "minor"
    medium = "medium"
    grave = "grave"
    especially_grave = "especially-grave"


class Sex(Enum):
    unknown = "unknown"
    female = "female"
    male = "male"


class Status(Enum):
    available = "available"
    excluded = "excluded"
    undetermined = "undetermined"
    out_of_scope = "out-of-scope"
    no_threshold = "no-threshold"
    term_ends_first = "term-ends-first"
    not_in_force = "not-in-force"


LAW = "2014-07-03"  # CC of 3 July 2014 No. 226-V in force (kz-parole-2014, kz-replacement-2014)


def const(value, since=LAW):
    return {"values": {since: value}}


def by_category(minor, medium, grave, especially_grave):
    return {"minor": const(minor), "medium": const(medium), "grave": const(grave),
            "especially_grave": const(especially_grave)}


def ban(since):
    """A ban as a dated boolean: not in force before `since`, in force from it."""
    return {"values": {LAW: False, since: True}} if since != LAW else const(True)


PARAMETERS = {
    "kz": {
        "law_in_force": const(True),
        "parole": {
            # 72(3), seed L3679-3685: 1/3 minor and medium, 1/2 grave, 2/3 especially grave.
            "numerator": by_category(1, 1, 1, 2),
            "denominator": by_category(3, 3, 2, 3),
            # 72(3), seed L3558-3560: with a fulfilled cooperation agreement 1/3 grave, 1/2 especially grave;
            # none stated for minor and medium (the general 1/3 applies, kz.xml not-stated cooperation-minor-medium).
            "cooperation_numerator": by_category(1, 1, 1, 1),
            "cooperation_denominator": by_category(3, 3, 3, 2),
            # 72(5), seed L3705-3707.
            "life_years": const(25),
            "life_years_cooperation": const(15),
            "ban": {  # 72(8)
                "terrorism_extremism": ban(LAW),             # undated: taken as 2014 text (seed L3833-3837)
                "corruption": ban("2020-12-19"),             # Law 384-VI (seed L3643-3645)
                "sexual_offence_against_minor": ban("2016-04-09"),  # Law 501-V (seed L3873, fn 60)
                "murder_in_criminal_group": ban("2023-03-17"),      # Law 212-VII (seed L3883, fn 61)
            },
        },
        "replacement": {
            # 73(1): only minor, medium, grave; 73(2), seed L3991-3995: 1/4 minor and medium, 1/3 grave.
            "in_scope": by_category(True, True, True, False),
            "numerator": by_category(1, 1, 1, 0),
            "denominator": by_category(4, 4, 3, 1),
            "ban": {  # 73(2), undated
                "sexual_offence_against_minor": ban(LAW),
                "terrorism_extremism": ban(LAW),
                "organised_group": ban(LAW),
            },
        },
        # 72(1) para 4 (seed L3431-3437): the vulnerable categories; "58 and over" (kz-d-vulnerable-age, encoded).
        "vulnerable": {"female_age": const(58), "male_age": const(63), "max_disability_group": const(2)},
        # 72(8) exception for a juvenile offender: victim aged 14 to 18 (seed L3871, L4023-4025).
        "juvenile_exception": {"victim_age_from": const(14), "victim_age_below": const(18)},
    }
}

# ------------------------------------------------------------------ date arithmetic and three-valued logic (numpy)


def ymd(days):
    """Year, month (1-12) and day of datetime64[D] values."""
    months = days.astype("datetime64[M]")
    y = months.astype("datetime64[Y]").astype(np.int64) + 1970
    m = months.astype(np.int64) % 12 + 1
    d = (days - months.astype("datetime64[D]")).astype(np.int64) + 1
    return y, m, d


def add_months(days, n):
    """days + n calendar months, the day clamped to the month's last day (CalendarDate.adding(months:))."""
    months = days.astype("datetime64[M]")
    day = (days - months.astype("datetime64[D]")).astype(np.int64)
    target = months + np.asarray(n).astype("timedelta64[M]")
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(np.int64)
    return target.astype("datetime64[D]") + np.minimum(day, length - 1).astype("timedelta64[D]")


def share_date(start, months, days, p, q):
    """The date on which p/q of a term of `months` months and `days` days is served from `start`."""
    whole, rest = np.divmod(p * months, q)
    anchor = add_months(start, whole)
    length = (add_months(anchor, 1) - anchor).astype(np.int64)
    extra = -((-(rest * length + p * days)) // q)  # ceil, exact in integers
    return anchor + extra.astype("timedelta64[D]")


def whole_years(birth, on):
    by, bm, bd = ymd(birth)
    y, m, d = ymd(on)
    return y - by - ((m * 100 + d) < (bm * 100 + bd))


# A truth value is a pair of arrays (yes, unknown); "no" is neither.
def k_and(*xs):
    yes = np.logical_and.reduce([x[0] for x in xs])
    no = np.logical_or.reduce([~x[0] & ~x[1] for x in xs])
    return yes, ~yes & ~no


def k_or(*xs):
    yes = np.logical_or.reduce([x[0] for x in xs])
    no = np.logical_and.reduce([~x[0] & ~x[1] for x in xs])
    return yes, ~yes & ~no


def known(b):
    return np.asarray(b, dtype=bool), np.zeros(len(b), dtype=bool)


def in_force_from(parameter):
    """The first date a boolean parameter is true (datetime64[D]); a dated ban's start."""
    dates = sorted(v.instant_str for v in parameter.values_list if v.value)
    return np.datetime64(dates[0], "D")


def ban_reaches(parameter, offence, offence_known, start, as_of):
    """Whether a dated ban is in the law applied (law at the offence, milder law retroactive), as a truth value."""
    since = in_force_from(parameter)
    if since > as_of:
        return known(np.zeros(len(start), dtype=bool))
    if since <= np.datetime64(LAW, "D"):  # an offence before 2014-07-03 is judged under the 2014 Code
        return known(np.ones(len(start), dtype=bool))
    yes = offence_known & (offence >= since)
    unknown = ~offence_known & (start >= since)  # the offence may fall on either side of the ban
    return yes, unknown


def exclusion(matches, reaches, rescue):
    """One exclusion as the atlas weighs it under a law that has the ban: (excluded, undetermined) arrays. When it is
    unknown whether the ban reaches the person (no offence date), undetermined only where the ban would change the
    answer."""
    m_yes, m_unknown = matches
    r_yes, r_unknown = rescue
    excluded = m_yes & ~r_yes & ~r_unknown
    undetermined = (m_yes | m_unknown) & ~excluded & ~(m_yes & r_yes)
    sure, maybe = reaches
    return excluded & sure, (undetermined & (sure | maybe)) | (excluded & maybe)


# ------------------------------------------------------------------ variables


def var(name, value_type, label, formula=None, default=None, possible=None):
    attrs = {"value_type": value_type, "entity": Person, "definition_period": DAY, "label": label}
    if possible is not None:
        attrs["possible_values"] = possible
    if default is not None:
        attrs["default_value"] = default
    if formula is not None:
        attrs["formula"] = formula
    return type(name, (Variable,), attrs)


INPUTS = [
    var("term_months", int, "Term: whole months (years x 12 + months)"),
    var("term_days", int, "Term: days"),
    var("life", bool, "Life imprisonment"),
    var("category", Enum, "Crime category", default=Category.minor, possible=Category),
    var("start", date, "Start of the term"),
    var("offence_date", date, "Date of the offence"),
    var("offence_date_known", bool, "The file gives the offence date"),
    var("sex", Enum, "Sex", default=Sex.unknown, possible=Sex),
    var("birth_date", date, "Date of birth"),
    var("birth_date_known", bool, "The file gives the birth date"),
    var("juvenile", bool, "A minor at the offence"),
    var("pregnant", bool, "Pregnant"),
    var("young_child", bool, "Has a young child"),
    var("single_parent", bool, "Raises a child alone"),
    var("disability_group", int, "Disability group (0: none)"),
    var("cooperation", bool, "Fulfilled a procedural cooperation agreement"),
    var("victim_age", int, "Age of the victim (-1: not given)", default=-1),
] + [var("offence_" + t, bool, "Offence tag " + t) for t in
     ("terrorism", "extremism", "corruption", "sexual_offence_against_minor", "murder_in_criminal_group",
      "organised_group")] + [var("consequence_" + t, bool, "Consequence " + t) for t in
                             ("caused_death", "combined_with_especially_grave")]


def as_of_date(period):
    return np.datetime64(str(period.start), "D")


def f_term_end(person, period, parameters):
    return add_months(person("start", period), person("term_months", period)) + \
        person("term_days", period).astype("timedelta64[D]")


def f_parole_threshold_date(person, period, parameters):
    law = parameters(period).kz.parole
    cat = person("category", period)
    coop = person("cooperation", period)
    start = person("start", period)
    p = np.where(coop, law.cooperation_numerator[cat], law.numerator[cat])
    q = np.where(coop, law.cooperation_denominator[cat], law.denominator[cat])
    fixed = share_date(start, person("term_months", period), person("term_days", period), p, q)
    years = np.where(coop, law.life_years_cooperation, law.life_years)
    return np.where(person("life", period), add_months(start, 12 * years), fixed)


def f_decision_date(person, period, parameters):
    return np.maximum(person("parole_threshold_date", period), as_of_date(period))


def vulnerable(person, period, parameters):
    """kz-vulnerable on the decision date, as a truth value."""
    v = parameters(period).kz.vulnerable
    sex = person("sex", period)
    female = (sex == Sex.female), (sex == Sex.unknown)
    male = (sex == Sex.male), (sex == Sex.unknown)
    known_age = person("birth_date_known", period)
    age = whole_years(person("birth_date", period), person("decision_date", period))
    old_f = (known_age & (age >= v.female_age)), ~known_age
    old_m = (known_age & (age >= v.male_age)), ~known_age
    group = person("disability_group", period)
    return k_or(known(person("pregnant", period)),
                k_and(female, known(person("young_child", period))),
                k_and(male, known(person("young_child", period)), known(person("single_parent", period))),
                k_and(female, old_f), k_and(male, old_m),
                known((group >= 1) & (group <= v.max_disability_group)))


def juvenile_exception(person, period, parameters):
    j = parameters(period).kz.juvenile_exception
    age = person("victim_age", period)
    in_range = (age >= j.victim_age_from) & (age < j.victim_age_below), age < 0
    return k_and(known(person("juvenile", period)), in_range)


def terror_matches(person, period):
    return known((person("offence_terrorism", period) | person("offence_extremism", period))
                 & (person("consequence_caused_death", period)
                    | person("consequence_combined_with_especially_grave", period)))


def f_parole_exclusion(person, period, parameters):
    """0: none, 1: excluded, 2: undetermined."""
    law = person.simulation.tax_benefit_system.parameters.kz.parole.ban  # the dated history, not one instant
    as_of = as_of_date(period)
    args = (person("offence_date", period), person("offence_date_known", period), person("start", period), as_of)
    cat = person("category", period)
    vul = vulnerable(person, period, parameters)
    none = known(np.zeros(len(cat), dtype=bool))
    results = [
        exclusion(terror_matches(person, period), ban_reaches(law.terrorism_extremism, *args), none),
        exclusion(known(person("offence_corruption", period)
                        & ((cat == Category.grave) | (cat == Category.especially_grave))),
                  ban_reaches(law.corruption, *args), k_or(vul, known(person("cooperation", period)))),
        exclusion(known(person("offence_sexual_offence_against_minor", period)),
                  ban_reaches(law.sexual_offence_against_minor, *args), juvenile_exception(person, period, parameters)),
        exclusion(known(person("offence_murder_in_criminal_group", period)),
                  ban_reaches(law.murder_in_criminal_group, *args), vul),
    ]
    excluded = np.logical_or.reduce([r[0] for r in results])
    undetermined = np.logical_or.reduce([r[1] for r in results])
    return np.where(excluded, 1, np.where(undetermined, 2, 0))


def f_parole_status(person, period, parameters):
    in_force = parameters(period).kz.law_in_force
    date = person("parole_threshold_date", period)
    ex = person("parole_exclusion", period)
    life = person("life", period)
    status = np.select([ex == 1, ex == 2, ~life & (date > person("term_end", period))],
                       [Status.excluded.index, Status.undetermined.index, Status.term_ends_first.index],
                       Status.available.index)
    return np.where(in_force, status, Status.not_in_force.index)


def f_parole_date(person, period, parameters):
    return person("parole_threshold_date", period)


def f_replacement_status(person, period, parameters):
    law = parameters(period).kz.replacement
    cat = person("category", period)
    life = person("life", period)
    none = known(np.zeros(len(cat), dtype=bool))
    always = known(np.ones(len(cat), dtype=bool))
    results = [
        exclusion(known(person("offence_sexual_offence_against_minor", period)),
                  always if law.ban.sexual_offence_against_minor else none, juvenile_exception(person, period, parameters)),
        exclusion(terror_matches(person, period), always if law.ban.terrorism_extremism else none, none),
        exclusion(known(person("offence_organised_group", period)), always if law.ban.organised_group else none, none),
    ]
    excluded = np.logical_or.reduce([r[0] for r in results])
    undetermined = np.logical_or.reduce([r[1] for r in results])
    date = person("replacement_date", period)
    return np.select([~law.in_scope[cat], excluded, undetermined, life, date > person("term_end", period)],
                     [Status.out_of_scope.index, Status.excluded.index, Status.undetermined.index,
                      Status.no_threshold.index, Status.term_ends_first.index],
                     Status.available.index)


def f_replacement_date(person, period, parameters):
    law = parameters(period).kz.replacement
    cat = person("category", period)
    return share_date(person("start", period), person("term_months", period), person("term_days", period),
                      law.numerator[cat], law.denominator[cat])


FORMULAS = [
    var("term_end", date, "End of the term", f_term_end),
    var("parole_threshold_date", date, "Date the governing parole threshold gives", f_parole_threshold_date),
    var("decision_date", date, "Date the vulnerable categories are judged on", f_decision_date),
    var("parole_exclusion", int, "Art. 72(8) exclusions: 0 none, 1 excluded, 2 undetermined", f_parole_exclusion),
    var("parole_status", int, "Parole: index of Status", f_parole_status),
    var("parole_date", date, "Parole: earliest date", f_parole_date),
    var("replacement_status", int, "Replacement: index of Status", f_replacement_status),
    var("replacement_date", date, "Replacement: earliest date (threshold)", f_replacement_date),
]


class KazakhParole(TaxBenefitSystem):
    def __init__(self):
        super().__init__([Person])
        self.add_variables(*INPUTS, *FORMULAS)
        self.parameters = ParameterNode("", data=PARAMETERS)


# ------------------------------------------------------------------ reading the population file (pandas, vectorised)

FEW_VALUES = ["term", "category", "start", "offenceDate", "offences", "consequences", "sex", "birthDate", "juvenile",
              "pregnant", "youngChild", "singleParent", "disability", "victimAge", "cooperation"]
TRUE, FALSE = {"true", "yes", "1"}, {"false", "no", "0", ""}


def codes(series, parse):
    """Parses each distinct value of a categorical column once; returns the per-person array."""
    c = series.cat.codes.to_numpy()
    values = [parse(str(text)) for text in series.cat.categories]  # pandas may have typed them (bool, int)
    if (c < 0).any():
        values.append(parse(""))  # a missing cell (code -1 indexes this last slot)
    return np.array(values)[c]


def flag(series):
    def parse(text):
        text = text.strip().lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise ValueError(f"{text!r} is not true or false")
    return codes(series, parse)


def date_column(series):
    """Each distinct date parsed once (a date that does not exist is an error); the empty cell is not given."""
    text = series.cat.categories.astype(str).to_numpy(dtype=object)
    empty = np.append(text == "", True)  # the extra slot is a missing value (code -1)
    parsed = pd.to_datetime(pd.Series(np.where(text == "", "1970-01-01", text)), format="%Y-%m-%d")
    values = np.append(parsed.to_numpy().astype("datetime64[D]"), np.datetime64("1970-01-01"))
    c = series.cat.codes.to_numpy()
    return values[c], ~empty[c]


def parse_term(text):
    """months, days, life for '9y', '7y6m', '2y3m15d', 'life'."""
    if text == "life":
        return (0, 0, 1)
    m = re.fullmatch(r"(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)d)?", text)
    if not m or not text:
        raise ValueError(f"term {text!r}")
    y, mo, d = (int(g) if g else 0 for g in m.groups())
    return (12 * y + mo, d, 0)


def read_population(path, with_ids):
    header = pd.read_csv(path, nrows=0, encoding="utf-8-sig").columns
    wanted = [c for c in header if c in FEW_VALUES or (with_ids and c == "id")]
    df = pd.read_csv(path, usecols=wanted, dtype={c: ("category" if c != "id" else str) for c in wanted},
                     keep_default_na=False, na_filter=False, engine="c", encoding="utf-8-sig")
    n = len(df)
    cols = {}
    t = codes(df["term"], lambda s: parse_term(s) if s else (0, 0, -1))
    if (t[:, 2] < 0).any():
        raise ValueError("a term is empty")
    cols["term_months"], cols["term_days"], cols["life"] = t[:, 0], t[:, 1], t[:, 2] == 1
    names = [c.value for c in Category]
    cols["category"] = codes(df["category"], lambda s: names.index(s)).astype(np.int16)
    cols["start"], ok = date_column(df["start"])
    if not ok.all():
        raise ValueError("a start date is empty")
    if "offenceDate" in df:
        cols["offence_date"], cols["offence_date_known"] = date_column(df["offenceDate"])
    if "birthDate" in df:
        cols["birth_date"], cols["birth_date_known"] = date_column(df["birthDate"])
    if "sex" in df:
        sexes = [s.value for s in Sex]
        cols["sex"] = codes(df["sex"], lambda s: sexes.index(s) if s else 0).astype(np.int16)
    for column, name in [("juvenile", "juvenile"), ("pregnant", "pregnant"), ("youngChild", "young_child"),
                         ("singleParent", "single_parent"), ("cooperation", "cooperation")]:
        if column in df:
            cols[name] = flag(df[column])
    if "disability" in df:
        cols["disability_group"] = codes(df["disability"], lambda s: int(s) if s else 0)
    if "victimAge" in df:
        cols["victim_age"] = codes(df["victimAge"], lambda s: int(s) if s else -1)
    for column, prefix, tags in [
            ("offences", "offence_", ("terrorism", "extremism", "corruption", "sexual-offence-against-minor",
                                      "murder-in-criminal-group", "organised-group")),
            ("consequences", "consequence_", ("caused-death", "combined-with-especially-grave"))]:
        if column in df:
            for tag in tags:
                cols[prefix + tag.replace("-", "_")] = codes(df[column], lambda s: tag in s.split(";"))
    return n, cols, (df["id"].to_numpy() if with_ids else None)


# ------------------------------------------------------------------ run


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--horizon", type=int, default=5)
    ap.add_argument("--dates")
    args = ap.parse_args()
    as_of = np.datetime64(args.as_of, "D")

    n, cols, ids = read_population(args.input, with_ids=args.dates is not None)
    t_read = time.perf_counter()
    system = KazakhParole()
    sim = SimulationBuilder().build_default_simulation(system, n)
    period = args.as_of
    for name, values in cols.items():
        sim.set_input(name, period, values)
    out = {}
    for mech in ("parole", "replacement"):
        out[mech] = (np.asarray(sim.calculate(f"{mech}_status", period)), sim.calculate(f"{mech}_date", period))
    t_calc = time.perf_counter()

    horizon = [as_of] + [add_months(np.array([as_of]), 12 * (k + 1))[0] for k in range(args.horizon)]
    summary = {"peer": "openfisca", "people": n, "asOf": args.as_of, "mechanisms": {}}
    for mech, (status, date) in out.items():
        counts = np.bincount(status, minlength=len(Status))
        avail = status == Status.available.index
        summary["mechanisms"]["kz-" + mech] = {
            "statuses": {s.value: int(counts[s.index]) for s in Status},
            "eligible": [int(np.count_nonzero(avail & (date <= h))) for h in horizon]}
    if args.dates:
        names = np.array([s.value for s in Status], dtype=object)
        frame = {"id": ids}
        for mech, (status, date) in out.items():
            frame["kz-" + mech] = np.where(status == Status.available.index, date.astype(str), names[status])
        pd.DataFrame(frame).to_csv(args.dates, index=False)
    t_end = time.perf_counter()
    summary["seconds"] = {"import": round(T_IMPORT - T0, 3), "read": round(t_read - T_IMPORT, 3),
                          "compute": round(t_calc - t_read, 3), "aggregate+write": round(t_end - t_calc, 3),
                          "total": round(t_end - T0, 3)}
    json.dump(summary, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
