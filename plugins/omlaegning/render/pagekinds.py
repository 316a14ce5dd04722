"""What some kinds' pages need beyond their own entity: the kinds whose template shows more.

A kind without an entry here gets its entity (or content) under its own name, is made from its own
YAML file and cites the sources that file names (pagemaker.PageMaker._default_parts).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..models import VED_IKKE
from ..models.references import references
from .comparison import matrix, numbered_activities
from .barchart import bar_chart
from .timeline import numbered_milestones, timeline
from .news import news
from .opendata import open_data
from .selfassessment import content_version, statement_sections
from .shortlinks import GROUPS


@dataclass(frozen=True)
class Parts:
    sources: list[str]        # the YAML files the page is made from
    kilder: list[str]         # the ids of the sources it cites
    edit: str | None          # what its edit button opens: its own file, or the folder of the files it gathers
    context: dict = field(default_factory=dict)  # the template's variables

    def adding(self, sources=(), kilder=(), **context) -> Parts:
        return replace(self, sources=self.sources + list(sources), kilder=self.kilder + list(kilder),
                       context={**self.context, **context})


def _kilder_af(eksempel) -> list[str]:
    return references(eksempel.aktivitet, "kilde") or eksempel.kommune.kilder


def _forside(maker, haandbog, pages, parts: Parts) -> Parts:
    return parts.adding([maker.hb.file_of("fase", f.id) for f in maker.hb.faser])


def _fase(maker, fase, pages, parts: Parts) -> Parts:
    eksempler = maker.hb.eksempler_for_fase(fase.id)
    return parts.adding(kilder=[k for e in eksempler for k in _kilder_af(e)], eksempler=eksempler)


def _princip(maker, princip, pages, parts: Parts) -> Parts:
    hb = maker.hb
    eksempler = hb.eksempler_for_princip(princip.id)
    return parts.adding(kilder=[k for e in eksempler for k in _kilder_af(e)], eksempler=eksempler,
                        faser=[f for f in hb.faser if princip.id in f.principper])


def _partnerskab(maker, partnerskab, pages, parts: Parts) -> Parts:
    hb = maker.hb
    projects = [(k.navn, k.projekt.periode) for k in map(hb.kommune, partnerskab.kommuner)
                if k.projekt and k.projekt.periode]
    return parts.adding(
        [hb.file_of("kommune", k) for k in partnerskab.kommuner],
        milepaele=numbered_milestones(partnerskab.forloeb), projektperioder=projects,
        tidslinje=maker.figure("figurer/partnerskab.svg", "tidslinje.svg.j2", timeline(
            "Partnerskabets forløb", [("Partnerskabet", partnerskab.periode)] + projects, partnerskab.forloeb)))


def _udviklingsforloeb(maker, forloeb, pages, parts: Parts) -> Parts:
    return parts.adding(forloeb=forloeb)


def _sammenligning(maker, value, pages, parts: Parts) -> Parts:
    return parts.adding(principper=matrix(maker.hb, "princip"), faser=matrix(maker.hb, "fase"))


def _kommune(maker, kommune, pages, parts: Parts) -> Parts:
    hb = maker.hb
    folder = f"figurer/kommuner/{kommune.id}"
    periods = [("Projektperiode", kommune.projekt.periode)] if kommune.projekt and kommune.projekt.periode else []
    in_partnership = kommune.id in hb.partnerskab.kommuner
    return parts.adding(
        kilder=hb.partnerskab.faelles_ramme.kilder if in_partnership else [],
        principper=hb.kommunens_principper(kommune), partnerskab=hb.partnerskab if in_partnership else None,
        aktiviteter=numbered_activities(kommune), milepaele=numbered_milestones(kommune.tidslinje),
        tidslinje=maker.figure(f"{folder}/tidslinje.svg", "tidslinje.svg.j2",
                               timeline(f"Tidslinje for {kommune.navn}", periods, kommune.tidslinje)),
        diagrammer={t.id: maker.figure(f"{folder}/{t.id}.svg", "soejlediagram.svg.j2", bar_chart(t))
                    for t in kommune.tal})


def _selvevaluering(maker, selvevaluering, pages, parts: Parts) -> Parts:
    hb = maker.hb
    # Its statements are written from the principles' and phases' pages, and rest on their sources;
    # it comes after those pages in the registry, so it can check that their sections exist.
    return replace(parts, kilder=[k for u in selvevaluering.udsagn for k in hb.emne(u).kilder]).adding(
        afsnit=statement_sections(selvevaluering, pages, hb.root, hb.file_of("selvevaluering")),
        version=content_version(selvevaluering), ved_ikke_id=VED_IKKE)


def _data(maker, value, pages, parts: Parts) -> Parts:
    data_files, schemas = open_data(maker.hb)
    maker.assets.update({f.path: f.content for f in data_files} | schemas)
    return parts.adding(kilder=list(maker.hb.kilder), filer=data_files)


def _nyt(maker, value, pages, parts: Parts) -> Parts:
    return parts.adding(maaneder=news(maker.history, pages))


def _oplaegsholdere(maker, value, pages, parts: Parts) -> Parts:
    groups = {}
    for link in maker.short_links:
        groups.setdefault(link.group, []).append(link)
    return parts.adding(grupper=groups, overskrifter=GROUPS, adresse=maker.public_url)


EXTRA = {"forside": _forside, "fase": _fase, "princip": _princip, "partnerskab": _partnerskab,
         "udviklingsforloeb": _udviklingsforloeb, "sammenligning": _sammenligning, "kommune": _kommune,
         "selvevaluering": _selvevaluering, "data": _data, "nyt": _nyt, "oplaegsholdere": _oplaegsholdere}
