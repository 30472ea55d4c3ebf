"""FAERS version links as a duplicate ground truth: one case (``caseid``) released under
several ``primaryid``s in different quarters, before the version rule keeps the latest.

What the links are, per FDA's README of the quarterly extracts (ASC_NTS, "Quarterly Data
Extract (QDE) from the FDA Adverse Event Reporting System", rev. January 2025, section D,
DEMO file): ``PRIMARYID`` is "a concatenated key of Case ID and Case Version Number",
``CASEID`` the "number for identifying a FAERS case", ``CASEVERSION`` the "Safety Report
Version Number. The Initial Case will be version 1; follow-ups to the case will have
sequentially incremented version numbers", ``I_F_COD`` initial or follow-up, and
``FDA_DT`` / ``MFR_DT`` carry the latest version's dates (text extraction of the PDF in
``../shared/data/faers_2025q4_sample/docs/ASC_NTS_extracted.txt``). A quarter holds one
version per case, so two ``primaryid``s of one ``caseid`` appear only across quarters: a
follow-up that FDA's case number links to its earlier version, which a vigiMatch-style
model must link from the facts alone (they are true duplicates). Pairs of two different
``caseid``s are counted as false: some are duplicates FDA did not link (the same event
from a manufacturer and from a consumer gets two cases), so precision here is a lower
bound, and the top false alarms are printed with the manufacturer numbers that would show
such a pair.

Quarters (real FDA rows, public domain; each source pinned by repository, commit and path;
the files are cached under ``.cache/faers_links/`` (git-ignored), rebuilt from a local
mirror of each repository -- the search tool's ``fetch github:OWNER/NAME`` puts it under
``/work/.mirror/OWNER+NAME/repo`` -- or from the shared data):

======  =========================================  ==========================================
2017Q2  100 random reports, all tables             ``../shared/data/faers_ascii_samples_...``
                                                   (Yunuuuu/faers 3b00ae77, see PROVENANCE)
2020Q3  first 9,999 DEMO rows; first 10,000 rows   UBESP-DCTV/faers.db 89c8b2d1,
        of DRUG (934 reports), REAC (1,523),       ``inst/testing-data/<FILE>20Q3-10000.txt``
        OUTC, RPSR (R package test data)
2022Q4  first 258 DEMO rows; first rows of DRUG    luisgarcez11/faersquarterlydata b20a5924,
        (16 reports), REAC (60), OUTC, RPSR        ``tests/testthat/resources/ascii_files/
        and FDA's DELETE22Q4 list                  faers_ascii_2022Q4.zip``
2025Q4  1,000 random reports, all tables           ``../shared/data/faers_2025q4_sample``
2026Q2  first 25 rows of every file (4 reports     joanna-ciesielski/faers-signal-pipeline
        with drugs, 17 with reactions)             0230c9bc, ``tests/fixtures/
                                                   faers_real_sample_2026q2.zip``
======  =========================================  ==========================================

A file's first rows are the lowest ``primaryid``s in text order, i.e. the oldest cases,
which keep getting follow-ups: so head slices of different quarters share cases. A slice
holds every DEMO row but the DRUG and REAC rows of only its first reports: the other
reports have no products or reactions here (missing, as the model treats a missing fact),
and are "incomplete"; figures are given for all links and for the links whose two reports
both have products and reactions. An OUTC or RPSR slice that stops before the last DEMO
report is left out (a report past its end would read as not serious).

Each quarter is imported on its own into a store under the cache with dermavigil's own
FAERS importer (:mod:`dermavigil.ingest.faers`: product keys, outcome, literature, lots
as production makes them; one quarter holds no superseded version), the feature records
are made by :func:`dermavigil.duplicates.store_features.store_feature_table`, and all
quarters are scored together by :func:`dermavigil.duplicates.detect.score_table`.

    .venv/bin/python bench/faers_links.py [--mirrors /work/.mirror] [--top 10]

Adjudicated precision (issue 16, 2026-12-05; main 2f5d961's model, load average 4.5,
same command, 8,903 pairs scored in 12 s wall / 5 s CPU): each flagged pair of two
``caseid``s is classed by the evidence its reports hold, never by the model's score
(``bench/faers_adjudication.py``: one case by the same manufacturer number without its
country code or the same sender's case number, the same article, or DiAna's rule --
same sex, age, country, event date, suspects and reactions; two cases when an
identifying fact differs or one sender gave two numbers; "probable" when two firms filed
reports agreeing on the event date or age with nothing differing). DiAna's own
``RB_duplicates`` flags cannot be read for these pairs: the DiAna sample shares no
``primaryid``, ``caseid`` or ``mfr_num`` with the five quarters.

    threshold  view              flagged  P strict  P evidence  P +probable
    0.5        all reports           181     0.171       0.304        0.796
    0.9        all reports            86     0.349       0.558        0.860
    0.9        complete reports       46     0.022       0.348        0.739
    0.99       all reports            67     0.418       0.642        0.881

Of the 56 flagged at 0.9 that are not version links: 18 one case by evidence (10 same
article, 6 DiAna's rule, 2 same number: ``DE-BAYER-2015-011744`` / ``US-BAYER-...``,
``JP-VIIV ...-JP2015JPN102901`` / ``JP-GLAXOSMITHKLINE ...-JP2015JPN102901``), 26 one event
filed by two firms (probable: Mylan / Accord / Sun Pharma for one literature patient,
Merck / Gilead, Roche / Watson...), 9 two cases (ages apart in 4 -- one an 8-year-old
paired with a 68-year-old through an article's reactions --, event dates apart in 2, one
sender's two numbers in 3: ``US-JNJFOC-20150403986`` / ``...09593``, ``IL-SHIRE-IL201400848``
/ ``...1017``, ``PHHY2014PT148074`` / ``PHHY2013PT163318``), 3 undetermined. The false
alarms are therefore mostly FDA's unlinked duplicates; adjudicated precision at 0.9 is
.558 on evidence alone and .860 with the probable ones, against the 0.95 target, with
recall 30/31. The model's own errors here are the 9 of class two: facts against (ages
apart, one sender's two numbers at -2.6 bits) outweighed by rare reactions, a rare
country and the products. After ages 2-5 years apart became a disagreement (main
f8583bb, load 5.5): the same at 0.9; at 0.5 179 flagged (181), P strict .173, on evidence
.307, with the probable .804.

After the manufacturer's number (``mfr_num``, compared and blocked on as
``report_number``) and the citation keys (first author and year, DOI: one article cited
two ways is one publication), 2026-12-05, load average 9.0, same command, 8,905 pairs
scored in 43 s wall / 6 s CPU, **all 31 links blocked** (20 before):

    threshold  view              flagged  P      R      F1     P+     R+     links found
    0.5        all reports           181  0.171  1.000  0.292  0.309  0.228  31/31
    0.5        complete reports       71  0.014  1.000  0.028  0.268  0.792  1/1
    0.9        all reports            86  0.349  0.968  0.513  0.500  0.175  30/31
    0.9        complete reports       46  0.022  1.000  0.043  0.261  0.500  1/1

A version keeps its manufacturer number, so the links a slice had left with no product
or reaction are found by it (the one missed at 0.9 has no age, sex, date or reaction on
one side: the number alone, p 0.70). The top false alarms are still one case filed by
two firms (Mylan / Accord / Sun Pharma, Merck / Gilead, Roche / Watson): two numbering
schemes, no evidence either way. Of the 187 scored pairs of two cases citing one
article (lit_ref words, Jaccard >= 0.5) the publication comparison now weighs against 2
(10 of 67 before, each citation compared verbatim). Precision at the target is not
reachable on this truth: FDA's unlinked duplicates count as false.

Partial event dates as periods (issue 16, seventh session; the store's
``event_date_last``, faers-6): 973 of the 2020Q3 slice's event dates are a year
("2012") and 1,358 a month, which the store kept as their first day and the model took
for exact days, so two reports of "2012" met as "same day" (+7.4 bits): three of the
nine flagged pairs adjudicated "two cases" at 0.9 had that weight from a shared month or
year, and "2014" / "201409" weighed -2.9 as dates 8 months apart. Same command, load
7.1-7.4 (each flagged pair now also prints its weights):

    threshold  flagged  P strict  P evidence  P +probable  two cases (evidence)  links
    0.5        179->310 .173->.100  .307->.187  .804->.900  29->25               31/31
    0.9         86->138 .349->.217  .558->.341  .860->.920   9->8                30/31
    0.99        67->70  .418->.386  .642->.586  .881->.929   5->2                28->27/31

"Same day" now counts exact days only: its u among one product's pairs fell and its
weight rose (+7.4 -> +10.5), so pairs of two firms' reports agreeing on an exact event
day, age and sex are flagged where a month or year had been counted before: 80 of the
138 at 0.9 are "one event filed by two firms (probable)" (26 before), mostly one
rivaroxaban patient filed by Janssen and by Bayer (``US-JNJFOC-...`` / ``US-BAYER-...``,
the product's two marketers) without products or reactions in the head slices. Strict
and evidence precision fall because FDA's unlinked duplicates count false there; the
model's own errors (class two) fall from 9 to 8 at 0.9 and 5 to 2 at 0.99.

One sender's two numbers, "one event filed by two firms", and the rare reactions given
the publication (issue 16, eighth session;
same command, load average 3.3-8.6). The model: one sender's two numbers weigh -5.9 bits
(``REPORT_NUMBER_SAME_SCHEME_M`` 0.01 -> 0.001; was -2.6). The adjudication: a pair of
two firms giving the same exact event day, age and sex with nothing differing is one
event filed by two firms, a duplicate in the pharmacovigilance sense
(``faers_adjudication.TWO_FIRMS``), counted true in the **headline** precision; the data
support it -- 609 pairs of reports agree on exact day, age, sex and country, 37 with the
ages shuffled among the same reports (20 seeds), so about 6% of such pairs are chance:

    thr.  model             flagged  R      P strict  P evidence  P headline  P +probable  2 cases
    0.5   main 28297d3          310  1.000  .100      .187        .845        .900         25
          sender's numbers      298  1.000  .104      .195        .879        .936         13
    0.9   main 28297d3          138  .968   .217      .341        .812        .920          8
          sender's numbers      134  .968   .224      .351        .836        .948          4
    0.99  main 28297d3           69  .871   .391      .594        .754        .928          2
          sender's numbers       69  .871   .391      .594        .754        .928          2

The two-cases pairs left at 0.9: an 8-year-old (Rios 2012) and a 68-year-old (Caldeira
2015) of Portugal, twice (rare reactions +11.2, Portugal's frequency +5.7, ages -4.7);
the Hungarian series' 70- and 68-year-old (rare reactions +11.2, publication +8.6,
Hungary's frequency +7.1, ages -0.1); Novartis's ``PHHY2014PT148074`` /
``PHHY2013PT163318`` (-5.9 now, nothing else differs, p .998).

Then the rare reactions given the publication (``duplicates.model.PUBLICATION_RARE``: u
among the pairs of one article that are two patients, 7 here, ``chance.publication_rare_u``;
the same command, load 8.9-9.2):

    thr.  model             flagged  R      P strict  P evidence  P headline  P +probable  2 cases
    0.5   sender's numbers      298  1.000  .104      .195        .879        .936         13
          + rare given pub      295  1.000  .105      .190        .881        .939         12
    0.9   sender's numbers      134  .968   .224      .351        .836        .948          4
          + rare given pub      136  .968   .221      .338        .816        .941          5
    0.99  sender's numbers       69  .871   .391      .594        .754        .928          2
          + rare given pub       67  .871   .403      .582        .746        .925          2

The Hungarian series' pair: rare reactions +11.2 -> +1.7 (still p .99 on the article, the
products and Hungary's frequency +7.1). At 0.9 two pairs move the other way: Kolluri
2025's one patient filed by two firms (one rare term in common within the article, now 0
bits, where two patients of one article share one as often: u .31; outcome fatal / not
fatal -4.3) falls to p .50, and a Japanese BMS pair 71 / 63 years old rises to .92: the
rare levels without a shared publication no longer count the article pairs among their
random pairs (u of "two or more" 1.5e-4 -> 7.4e-5, +1 bit), half of which shared the
article -- mostly one patient filed by several firms, matches that had inflated u.

Ages far apart that no slip explains weigh -7.7 bits (``duplicates.model.AGE_FAR``, a
prior: EM trains no age here), a gap one slip explains -4.9 as every gap did before
(issue 16, ninth session; same command, load 7.1):

    thr.  model             flagged  R      P strict  P evidence  P headline  P +probable  2 cases
    0.5   main 65d52e3          295  1.000  .105      .190        .881        .939         12
          ages far apart        293  1.000  .106      .195        .891        .949          9
    0.9   main 65d52e3          136  .968   .221      .338        .816        .941          5
          ages far apart        135  .968   .222      .341        .822        .948          4
    0.99  both                   67  .871   .403      .582        .746        .925          2

The Japanese BMS pair 71 / 63 years old falls below 0.9; the Portuguese 8- and
68-year-old stay (p .949 -> .944): "8" is "68" with a digit dropped, a slip, and their
rare reactions (+12.2) and Portugal's frequency (+5.7) outweigh it.

The duplicates among random pairs taken out of chance agreement (issue 16, tenth
session; ``duplicates.chance.without_expected_matches``): of the 500,000 random pairs
one shared a manufacturer number, a version link, and splink took it for chance (u 2e-6,
"same report number" +18.2 bits); the duplicates the model's prior expects among them
(0.05 / 11,381 of the pairs, 60% of them keeping the number) account for it, so u is half
a pair in the sample (+19.2 bits). Same command, load 7.8:

    thr.  model             flagged  R      P strict  P evidence  P headline  P +probable
    0.9   main 1f35e2f          135  .968   .222      .341        .822        .948
          without matches       135  .968   .222      .341        .822        .948
    0.99  main 1f35e2f           67  .871   .403      .582        .746        .925
          without matches        68  .903   .412      .588        .750        .926

The link known by the number alone (no age, sex, date or reaction on one side) rises
from p .704 to .825, still below 0.9: the number and the country are all it holds.

Figures before (main be84d52's model; 2 CPUs shared by 8 engineers, load average
14.6; ``PYTHONPATH=src .venv/bin/python bench/faers_links.py``): 11,382 reports (2,054 with
products and reactions: "complete"), 11,352 cases, **31 version links, 1 between two
complete reports**; 8,752 pairs scored in 22 s wall / 6 s CPU; 20 of the 31 links blocked.

    threshold  view              flagged  P      R      F1     P+     R+     links found
    0.5        all reports           183  0.038  0.226  0.065  0.137  0.102  7/31
    0.5        complete reports      101  0.010  1.000  0.020  0.178  0.750  1/1
    0.9        all reports            77  0.052  0.129  0.074  0.273  0.085  4/31
    0.9        complete reports       63  0.016  1.000  0.031  0.286  0.750  1/1

(main 949cb1f's model, the same run otherwise: 161 / 67 flagged, P .043 / .060, P+ .155 /
.269, R unchanged; the counts below are of that run.)

P+ / R+ also count as true the 215 pairs of two cases (23 complete) that one manufacturer
report number or one cited article shows to be one case FDA did not link
(:func:`unlinked_pairs`). Read with care:

- Too few links for the issue's target: 31 links, 1 between complete reports. The 24
  missed at 0.5 are slice artefacts, not model failures: in each, one report (16 pairs:
  both) has no products or reactions in its slice, so only event date (+7.4), age (+4.6),
  country and sex weigh, p <= 0.22 (0.77 when the country is rare); 11 are not blocked
  at all (age, sex or event date missing as well).
- The "false" alarms are mostly real duplicates FDA did not link. Of the 154 at 0.5, 18
  share a manufacturer number or article; reading the top ten of the other 136: one
  literature patient filed by Mylan, Accord and Sun Pharma (three cases, only one with
  ``lit_ref``), a case filed by Merck and by Gilead, by Novartis and by Ranbaxy, by Dr
  Reddy's and by Accord, by Roche and by Watson -- the same event date, age, sex and rare
  reactions, drug lists that differ by the filer's own products. Strict precision is
  therefore a lower bound far below the truth; P+ is still a lower bound.
- Hard negatives (two cases, one event date and sex, ages within a year, a product and a
  reaction in common): 18 scored pairs, 2 of them with a shared number or article.

A failure class of the model these pairs show (left to the model's owner): **the
publication is compared as the verbatim ``lit_ref`` text** (``publication_id`` =
lower(lit_ref) in :mod:`dermavigil.duplicates.store_features`), but each manufacturer
types the citation its own way (``"Kolluri M, ... Eur Heart J Case Rep. 2025 Oct
27;9(11):ytaf546. doi: ..."`` / ``"Kolluri M, ... European Heart Journal.
2025;9(11):ytaf546"``; ``"Caldeira L.. Various drugs ..."`` / ``"Caldeira L. Various drugs
..."``). So one article cited two ways weighs *against* the pair (publication -3.6: 10 of
the 67 scored pairs citing one article), and the publication blocking key misses it: the
Caldeira patient filed by Novartis (alprazolam) and by Mylan (omeprazole, paroxetine),
each naming only its own drug, shares no product and is never compared. Of the 23
complete pairs of one number or article, 6 are missed at 0.5: that one (not blocked),
Kolluri (p 0.010: publication -3.6 and outcome -4.3, one filer coding the resuscitated
patient as dead) and four pairs from two case series (Hochster et al., Prioty et al.)
that are rightly apart (different patients of one article). A key built from the
citation (first author's surname, year, title words; or its DOI/PMID) would compare and
block these.

The 24 "false" pairs at 0.9 read one by one (issue 16, fourteenth session; main be25847's
model; the same command: 135 flagged, R .968, headline P .822; the pairs the adjudicator
classes "two cases", "probable" or "undetermined", with every DEMO, DRUG, REAC and OUTC
row of both reports):

    class (count)                                             what separates them in FAERS
    one patient filed by several firms, adjudicator short     no field we hold: drug lists
      of "same day, age and sex" (18): the age missing on     overlap (13-39 suspects in
      one side (EU Zydus/Sanofi 2025, GB Roche/Mylan, ES      common, 9-18 identical doses
      Mylan/Aurobindo) or in days (68 YR / 25,155 DY, FR      on the Portuguese and Dutch
      x2), the event date a month or none (PT literature      literature patients), the
      patient filed by Mylan, Accord, Ranbaxy, Novartis x4;   reaction lists near-equal;
      NL x2; CA Amgen/J&J, Roche/Apotex; FR Merck/Gilead;     one pair shares the authority
      Xarelto co-marketers J&J/Bayer x2), or the occurrence   number (auth_num
      country differing (DE/US, x2: the AstraZeneca copy of   EU-AFSSAPS-AM2025000750)
      the DE-/US-BAYER-2015-011744 case)
    one patient, one case report, ages 70 / 68 (Roche/Teva,   "ages differ" (> 1 year) is
      Banhegyi 2014 "case report of our patient")             the age at two dates
    one sender's two numbers, identical facts (2): Novartis   nothing: 10/10 suspects,
      PHHY2013PT163318 / PHHY2014PT148074 (42 M, 16/16        16/16 reactions; Haleon CA
      reactions); Haleon CA two schemes (44 F, 145/192        of one 44 F, 18 suspects and
      drugs)                                                  26 reactions shared
    two patients (3): Portuguese 8-year-old's sertraline      ages 8 / 68: a dropped digit
      intoxication (Rios 2012) against a 68-year-old's        (age_slip) weighs -4.8, not
      polypharmacy (x2: Ranbaxy, Accord copies), two rare     "ages far apart" -7.7; no
      terms shared (hyperreflexia, myoclonus +12.3);          suspect in common. The French
      French addictovigilance Aurobindo/Mylan (61/62 M,       pair: its two authority
      event days 5 apart, 2 of 8 suspects)                    numbers differ (AVMA / AVNY)

Of the fields listed for this reading: the reporter country is the same in all 24;
occupation differs in one-patient pairs (PH/MD, HP/MD, HP/CN, CN/HP: 5) as in two-patient
ones (3); the FDA receipt dates lie 2 days to 8 months apart in both; event-date
exactness and drug sequence (each firm lists its own product first) separate nothing.
Doses (identical ``dose_amt`` + ``dose_unit`` of one ingredient: 3-18 in the literature
copies, 0 in the two-patient pairs but also 0 in four one-patient pairs that give no
dose) and the authority's case number (``auth_num``, FDA's "Regulatory Authority's case report
number", ASC_NTS; one pair joined, one separated) would speak, but the store holds neither
(``reports`` / ``report_products`` have no dose or authority number) and the synthetic
bench has no such field, so no comparison lands: counting the 19 one-patient pairs and
the two of one sender as duplicates, precision at 0.9 would be .978 (132/135), the three
two-patient pairs the only false alarms.

The regulatory authority's case number (issue 16, fifteenth session; faers-8 keeps FAERS
``auth_num`` as the store's ``authority_number``; the comparison in
:mod:`dermavigil.duplicates.number_levels`): the same number, its country code dropped,
is one case whatever the firms' own numbers (+13.3 bits); two numbers of one authority
are two of its cases (-6.6 bits: ``AUTHORITY_TWO_NUMBERS_M`` .01, a stated prior EM does
not replace); numbers of two authorities are no evidence (counted as missing); and the
number is blocked on. The adjudicator reads ``auth_num`` too (one case: the same
authority number; two cases: one authority's two numbers), so each model is given under
both adjudications. Same command, load 11-17, 9,138 pairs scored in 45 s wall / 7 s CPU
(9,127 in 35-52 s / 7 s before; "main" is 90cd60a):

    thr.   model      auth_num read flagged  R     P strict  evidence  headline  +probable  2 cases
    0.5    main       no                 293  1.000  .106      .195      .891      .949       10
           authority  no                 303  1.000  .102      .191      .865      .947       10
           main       yes                293  1.000  .106      .215      .898      .949       11
           authority  yes                303  1.000  .102      .241      .901      .950       11
    0.9    main       no                 135  .968   .222      .341      .822      .948        4
           authority  no                 147  .968   .204      .320      .782      .946        4
           main       yes                135  .968   .222      .363      .837      .948        5
           authority  yes                147  .968   .204      .415      .850      .952        5
    0.99   main       no                  68  .903   .412      .588      .750      .926        2
           authority  no                  78  .903   .359      .526      .705      .936        2
           main       yes                 68  .903   .412      .632      .779      .926        3
           authority  yes                 78  .903   .359      .679      .808      .936        3

The 12 pairs added at 0.9 all share an authority number: one MHRA Yellow Card case
(``GB-MHRA-EYC 00129402``, ``00118426``, ``00123887``...) filed by Roche and by Mylan,
Teva, Watson or Sun Pharma, an EMA literature-monitoring case (``US-MLMSERVICE-...``)
filed by Pfizer and Accord, a Dutch Lareb case (``NL-LRB-00254512``); most with neither
products nor reactions in their head slices, so the number is all that joins them. The
adjudicator blind to ``auth_num`` calls them "probable" (10) or "undetermined" (2), so
its headline falls (.822 -> .782); reading the number, they are one case, and every
figure but the strict one rises (.837 -> .850 headline, .363 -> .415 on evidence), the
version links found unchanged. The French addictovigilance pair of one authority's two
numbers (``EU-AFSSAPS-AVMA2025000588`` / ``AVNY2025000214``, ages 61 / 62, event days 5
apart) now weighs -6.6 but stays at p .998 (rare reactions +12.3, products +7.2). The
ASCII files' doses (``dose_amt`` + ``dose_unit``, the store's ``report_products.dose``)
were tried as a comparison as well (the same doses of two or more suspects, of one, a
shared suspect's doses differing; u among one product's pairs) and left out: at 0.9 it
added one article's pair (one case) and one Amgen / Haleon pair of ages 47 / 44 (two
cases by the adjudicator; doses +3.5), headline .850 -> .846, at 0.99 .808 -> .800.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from faers_adjudication import adjudicate, adjudicated_precision, coincidences

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CACHE = ROOT / ".cache" / "faers_links"
THRESHOLDS = (0.5, 0.9, 0.95, 0.99, 0.995)
"""The thresholds figures are given at: the web's saved pairs (0.5), the CLI's list (0.9),
and the higher ones where ``bench/duplicates.py`` reaches a precision of .90 and .95."""
MIRRORS = Path("/work/.mirror")
KINDS = ("DEMO", "DRUG", "REAC", "OUTC", "RPSR", "DELETE")
SLICED = ("OUTC", "RPSR")
"""Files kept only when they reach the last DEMO report (see the module docstring)."""


@dataclass(frozen=True)
class Source:
    """One quarter's files: in a repository at a pinned commit (``files``: kind -> path,
    or ``zip``: a path whose members are the quarter's files), or in the shared data."""

    quarter: str
    repo: str | None = None
    commit: str | None = None
    files: dict[str, str] = field(default_factory=dict)
    zip: str | None = None
    local: Path | None = None
    head: bool = False
    """The files are each file's first rows (not every row of some reports)."""


SOURCES = (
    Source("2017Q2", local=DATA / "faers_ascii_samples_2004q1_2017q2" / "faers_ascii_2017q2.zip"),
    Source(
        "2020Q3",
        repo="UBESP-DCTV/faers.db",
        commit="89c8b2d1b331f6fa0eda14669ae3d39886eb40ee",
        head=True,
        files={
            kind: f"inst/testing-data/{kind}20Q3-10000.txt"
            for kind in ("DEMO", "DRUG", "REAC", "OUTC", "RPSR")
        },
    ),
    Source(
        "2022Q4",
        repo="luisgarcez11/faersquarterlydata",
        commit="b20a5924d0fda038adbde553ed3dc9a9fb8e7678",
        head=True,
        zip="tests/testthat/resources/ascii_files/faers_ascii_2022Q4.zip",
    ),
    Source("2025Q4", local=DATA / "faers_2025q4_sample"),
    Source(
        "2026Q2",
        repo="joanna-ciesielski/faers-signal-pipeline",
        commit="0230c9bc4152935bd43469dcc9dc6d6ed9e149b9",
        head=True,
        zip="tests/fixtures/faers_real_sample_2026q2.zip",
    ),
)


def _suffix(quarter: str) -> str:
    return quarter[2:4] + quarter[4:]  # 2020Q3 -> 20Q3


def _kind(name: str) -> str | None:
    base = Path(name).name.upper()
    return next((k for k in KINDS if base.startswith(k) and base.endswith(".TXT")), None)


def _blob(mirrors: Path, source: Source, path: str) -> bytes:
    mirror = mirrors / source.repo.replace("/", "+") / "repo"
    if not mirror.is_dir():
        raise SystemExit(
            f"{source.quarter} is not cached and no mirror of {source.repo} is at {mirror}: "
            f"fetch github:{source.repo} with the search tool, or pass --mirrors"
        )
    return subprocess.run(
        ["git", "-C", str(mirror), "show", f"{source.commit}:{path}"],
        check=True,
        capture_output=True,
    ).stdout


def _members(mirrors: Path, source: Source) -> dict[str, bytes]:
    """The quarter's files as ``kind -> bytes``."""
    if source.files:
        return {kind: _blob(mirrors, source, path) for kind, path in source.files.items()}
    if source.local is not None and source.local.is_dir():
        found = {_kind(p.name): p.read_bytes() for p in source.local.iterdir() if p.is_file()}
        return {k: v for k, v in found.items() if k}
    raw = source.local.read_bytes() if source.local else _blob(mirrors, source, source.zip)
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        found = {_kind(n): z.read(n) for n in z.namelist()}
    return {k: v for k, v in found.items() if k}


def _last_id(content: bytes) -> str:
    """The largest ``primaryid`` of a file, in text order (how FDA's files are sorted)."""
    lines = content.decode("latin-1").splitlines()[1:]
    return max((line.split("$", 1)[0] for line in lines if line.strip()), default="")


def rebuild_cache(mirrors: Path) -> None:
    """Write each quarter's DEMO, DRUG, REAC (and whole OUTC, RPSR, DELETE) files under
    ``CACHE/<quarter>/`` from the pinned sources, unless already there."""
    for source in SOURCES:
        folder = CACHE / source.quarter
        if (folder / f"DEMO{_suffix(source.quarter)}.txt").exists():
            continue
        members = _members(mirrors, source)
        last_report = _last_id(members["DEMO"])
        tmp = folder.with_suffix(".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for kind, content in members.items():
            if source.head and kind in SLICED and _last_id(content) < last_report:
                continue
            (tmp / f"{kind}{_suffix(source.quarter)}.txt").write_bytes(content)
        tmp.rename(folder)


def faers_rows(path: Path) -> str:
    """DuckDB relation of one FAERS ASCII file: ``$``-delimited, no quoting, a header,
    every column text (FDA's layout, ASC_NTS section A)."""
    return (
        f"read_csv('{path}', delim='$', header=true, all_varchar=true, quote='', null_padding=true)"
    )


def import_quarters() -> dict[str, Path]:
    """Each cached quarter imported alone into ``CACHE/stores/<quarter>``; store dirs (an
    import is skipped by the importer unless the files or its parser version changed)."""
    from dermavigil.ingest.runner import run_import
    from dermavigil.settings import load_settings

    stores = {}
    for source in SOURCES:
        home = CACHE / "stores" / source.quarter
        settings = load_settings({"DERMAVIGIL_HOME": str(home)})
        settings.ensure_dirs()
        run_import(settings, "faers", [CACHE / source.quarter])
        stores[source.quarter] = settings.store_dir
    return stores


@dataclass
class Report:
    quarter: str
    case_id: str
    version: int | None
    complete: bool
    demo: dict[str, str]


def _reports(con: duckdb.DuckDBPyConnection, stores: dict[str, Path]) -> dict[str, Report]:
    """``faers:<primaryid> -> Report`` of every report the stores hold, with its DEMO row."""
    out = {}
    for quarter, store in stores.items():
        live = store / "sources" / "faers"
        gen = sorted(p for p in live.iterdir() if p.name.startswith("gen-"))[-1]
        demo = faers_rows(CACHE / quarter / f"DEMO{_suffix(quarter)}.txt")
        rows = con.sql(f"""
            SELECT r.report_id, r.case_id, r.version,
                   r.report_id IN (SELECT report_id FROM '{gen}/report_products/*.parquet')
                   AND r.report_id IN (SELECT report_id FROM '{gen}/report_reactions/*.parquet'),
                   d.mfr_num, d.mfr_sndr, d.rept_cod, d.occp_cod, d.i_f_code, d.fda_dt,
                   d.event_dt, d.lit_ref, d.auth_num
            FROM '{gen}/reports/*.parquet' r JOIN {demo} d ON d.primaryid = r.report_id
        """).fetchall()
        for rid, case, version, complete, *demo_row in rows:
            keys = (
                "mfr_num",
                "mfr_sndr",
                "rept_cod",
                "occp_cod",
                "i_f_code",
                "fda_dt",
                "event_dt",
                "lit_ref",
                "auth_num",
            )
            out[f"faers:{rid}"] = Report(
                quarter, case, version, bool(complete), dict(zip(keys, demo_row, strict=True))
            )
    return out


FIELDS = ("event_date", "age_years", "sex", "country", "outcome", "publication_id")
SETS = ("suspect_products", "reaction_terms", "lots")


def _differences(a: dict, b: dict) -> str:
    """What two feature records differ in (a side's missing fact shown as ``-``)."""
    said = []
    for name in FIELDS:
        x, y = a.get(name), b.get(name)
        if x != y:
            said.append(f"{name} {x if x is not None else '-'} / {y if y is not None else '-'}")
    for name in SETS:
        x, y = set(a.get(name) or ()), set(b.get(name) or ())
        if not x or not y:
            if x or y:
                said.append(f"{name} missing on one side")
            continue
        if x != y:
            shared = len(x & y)
            said.append(
                f"{name} {shared} shared, only left {sorted(x - y)[:4]}, "
                f"only right {sorted(y - x)[:4]}"
            )
    return "; ".join(said) or "no compared fact differs"


def _weights(row: dict) -> str:
    """The facts that moved a pair's weight, largest first (splink's ``bf_``/``mw_``)."""
    moved = sorted(
        ((k[3:], v) for k, v in row.items() if k.startswith("mw_") and v),
        key=lambda kv: -abs(kv[1]),
    )
    return ", ".join(f"{k} {v:+.1f}" for k, v in moved[:8])


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", (text or "").lower()))


def _mfr_core(num: str | None) -> str:
    return re.sub(r"^[A-Z]{2}-", "", (num or "").strip().upper())


def unlinked_pairs(reports: dict[str, Report]) -> dict[tuple[str, str], str]:
    """Pairs of reports of two cases that are probably one case FDA did not link, with
    the reason: the same manufacturer report number once the leading country code is
    dropped (``DE-BAYER-2015-011744`` / ``US-BAYER-2015-011744``), or the same published
    article (``lit_ref`` words of three letters or more, Jaccard >= 0.5: each
    manufacturer of a drug an article names files the article's patient as its own case;
    a case series gives false ones). Over every pair, not only the scored ones."""
    out: dict[tuple[str, str], str] = {}
    groups: dict[str, list[str]] = {}
    for uid, rep in reports.items():
        if core := _mfr_core(rep.demo["mfr_num"]):
            groups.setdefault(core, []).append(uid)
    cited = [(uid, w) for uid, rep in reports.items() if (w := _words(rep.demo["lit_ref"]))]
    for i, (a, wa) in enumerate(cited):
        for b, wb in cited[i + 1 :]:
            if len(wa & wb) / len(wa | wb) >= 0.5:
                out[tuple(sorted((a, b)))] = "same article"
    for ids in groups.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                out[tuple(sorted((a, b)))] = "same manufacturer number"
    return {p: why for p, why in out.items() if reports[p[0]].case_id != reports[p[1]].case_id}


def _hard_negative(a: dict, b: dict) -> bool:
    """Same event date, sex, age within a year, a suspect product and a reaction in common."""
    return bool(
        a["event_date"]
        and a["event_date"] == b["event_date"]
        and a["sex"]
        and a["sex"] == b["sex"]
        and a["age_years"] is not None
        and b["age_years"] is not None
        and abs(a["age_years"] - b["age_years"]) <= 1
        and set(a["suspect_products"] or ()) & set(b["suspect_products"] or ())
        and set(a["reaction_terms"] or ()) & set(b["reaction_terms"] or ())
    )


def _show_pair(
    title: str, note: str, features: dict, row: dict | None, pair: tuple[str, str]
) -> None:
    """One pair: its probability (or "not blocked"), what differs, what weighed."""
    shown = f"{row['match_probability']:.3f}" if row else "not blocked"
    print(
        f"  {title} p {shown}; {note}\n"
        f"      differ: {_differences(features[pair[0]], features[pair[1]])}"
    )
    if row:
        print(f"      weights: {_weights(row)}")


def why_not_blocked(table: object, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """For pairs never scored: whether the two records share no bounded blocking key
    (:func:`dermavigil.duplicates.blocking.block_keys`: a key above the block cap is
    refined, then dropped) or share keys and were pruned by meta-blocking (neither
    record kept the pair among its heaviest)."""
    from dermavigil.duplicates.blocking import COLUMN, block_keys, family_of

    keyed, _ = block_keys(table)
    features = {r["unique_id"]: r for r in table.to_pylist()}
    keys = dict(zip(keyed["unique_id"].to_pylist(), keyed[COLUMN].to_pylist(), strict=True))
    out = {}
    for a, b in pairs:
        shared = set(keys.get(a) or ()) & set(keys.get(b) or ())
        if shared:
            families = ", ".join(sorted({family_of(k) for k in shared}))
            out[(a, b)] = f"pruned by meta-blocking (keys shared: {families})"
        elif coarse_key_shared(features[a], features[b]):
            out[(a, b)] = "no key left: the product+reaction block was refined away"
        else:
            out[(a, b)] = "no blocking key in common"
    return out


def coarse_key_shared(a: dict, b: dict) -> bool:
    """The same first suspect product and a reaction term in common: the coarse key of
    the product_reaction family, which bounded blocking replaces by finer keys (the event
    month, the year of birth) when its block is over the cap -- lost for a report lacking
    both, or whose two ages give two years of birth."""
    return bool(
        a["first_suspect"]
        and a["first_suspect"] == b["first_suspect"]
        and set(a["reaction_terms"] or ()) & set(b["reaction_terms"] or ())
    )


def scored_pairs(table: object) -> tuple[dict[tuple[str, str], dict], float, float, float]:
    """Every blocked pair of ``table`` scored by the model (threshold 0), keyed by the
    sorted pair of ids; the wall and CPU seconds it took and the load average before."""
    from dermavigil.duplicates.detect import score_table

    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    scored, model = score_table(table, 0.0)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"duplicate share {model.duplicate_share:.4f} ({model.duplicate_share_from})")
    rows = {tuple(sorted((r["unique_id_l"], r["unique_id_r"]))): r for r in scored.to_pylist()}
    return rows, seconds, cpu, load


def _pr(flagged: set, links: set) -> tuple[float, float, float, int]:
    tp = len(flagged & links)
    p = tp / len(flagged) if flagged else float("nan")
    r = tp / len(links) if links else float("nan")
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, tp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=MIRRORS)
    parser.add_argument("--top", type=int, default=10, help="false alarms shown per threshold")
    args = parser.parse_args()
    rebuild_cache(args.mirrors)
    stores = import_quarters()

    import pyarrow as pa

    from dermavigil.duplicates.detect import with_rare_terms
    from dermavigil.duplicates.store_features import store_feature_table

    con = duckdb.connect()
    reports = _reports(con, stores)
    table = with_rare_terms(
        pa.concat_tables(store_feature_table(store) for store in stores.values())
    )
    features = {row["unique_id"]: row for row in table.to_pylist()}
    by_case: dict[str, list[str]] = {}
    for uid, rep in reports.items():
        by_case.setdefault(rep.case_id, []).append(uid)
    links = {
        tuple(sorted((a, b)))
        for ids in by_case.values()
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
    }
    complete_links = {p for p in links if reports[p[0]].complete and reports[p[1]].complete}
    n_complete = sum(r.complete for r in reports.values())

    rows, seconds, cpu, load = scored_pairs(table)
    prob = {pair: row["match_probability"] for pair, row in rows.items()}

    per_quarter = {}
    for rep in reports.values():
        n, c = per_quarter.get(rep.quarter, (0, 0))
        per_quarter[rep.quarter] = (n + 1, c + rep.complete)
    print(
        "reports (with products and reactions) per quarter: "
        + ", ".join(f"{q} {n:,} ({c:,})" for q, (n, c) in sorted(per_quarter.items()))
    )
    print(
        f"{len(reports):,} reports ({n_complete:,} complete), {len(by_case):,} cases; "
        f"{len(links)} version links ({len(complete_links)} between complete reports); "
        f"{len(prob):,} pairs scored in {seconds:.0f} s wall / {cpu:.0f} s CPU "
        f"(load average {load:.1f} at the start)"
    )
    blocked = sum(p in prob for p in links)
    print(f"links among the scored pairs (blocking recall): {blocked}/{len(links)}")
    complete_pairs = {p for p in prob if reports[p[0]].complete and reports[p[1]].complete}
    unlinked = unlinked_pairs(reports)
    complete_unlinked = {p for p in unlinked if reports[p[0]].complete and reports[p[1]].complete}
    hard = {p for p in prob if p not in links and _hard_negative(features[p[0]], features[p[1]])}
    print(
        f"pairs of two cases that one manufacturer number or one article shows to be one case "
        f"FDA did not link: {len(unlinked)} ({len(complete_unlinked)} complete, "
        f"{sum(p in prob for p in unlinked)} scored); hard negatives (two cases, same event date, "
        f"sex, age within a year, a product and a reaction in common): {len(hard)} "
        f"({len(hard & set(unlinked))} of them with such evidence)"
    )
    cited = [p for p in prob if unlinked.get(p) == "same article"]
    against = [p for p in cited if (rows[p].get("mw_publication") or 0) < 0]
    print(
        f"scored pairs of two cases citing one article (lit_ref words, Jaccard >= 0.5): "
        f"{len(cited)}; the publication comparison weighs against {len(against)} of them "
        f"(the citations are not spelt alike)"
    )
    print(
        "\nP strict: every pair of two caseids is false; P+: the pairs above with one "
        "manufacturer number or article count as true (and as links for R+)"
    )
    print("threshold  view               flagged  P      R      F1     P+     R+     links found")
    for threshold in THRESHOLDS:
        flagged = {p for p, v in prob.items() if v >= threshold}
        for view, fl, lk, extra in (
            ("all reports", flagged, links, set(unlinked)),
            ("complete reports", flagged & complete_pairs, complete_links, complete_unlinked),
        ):
            p, r, f1, tp = _pr(fl, lk)
            p2, r2, _, _ = _pr(fl, lk | extra)
            print(
                f"{threshold:<9}  {view:<17}  {len(fl):>7}  {p:.3f}  {r:.3f}  {f1:.3f}  "
                f"{p2:.3f}  {r2:.3f}  {tp}/{len(lk)}"
            )

    def judge(pair: tuple[str, str]) -> tuple[str, str]:
        a, b = pair
        return adjudicate(reports[a].demo, reports[b].demo, features[a], features[b])

    observed, chance, most = coincidences(list(features.values()))
    print(
        f"\npairs of reports agreeing on the exact event day, age, sex and country: {observed}; "
        f"with the ages shuffled among the same reports (20 seeds): {chance:.1f} on average, "
        f"{most} at most -- so about {chance / max(observed, 1):.0%} of such pairs are two "
        "patients by chance, the rest one patient reported twice"
    )
    print(
        "adjudicated (bench/faers_adjudication.py: each flagged pair of two caseids by the "
        "evidence its reports hold, never the model's score): P strict (version links only); "
        "P evidence, also the pairs of one case by evidence (same manufacturer number, same "
        "article, DiAna's rule); **P headline**, also one event filed by two firms (two "
        "senders, the same exact event day, age and sex: a duplicate in the "
        "pharmacovigilance sense, see faers_adjudication); P +probable, also two firms "
        "agreeing on the event date or the age"
    )
    print(
        "threshold  view               flagged  P strict  P evidence  P headline  P +probable"
        "  classes"
    )
    for threshold in THRESHOLDS:
        flagged = {p for p, v in prob.items() if v >= threshold}
        for view, fl in (("all reports", flagged), ("complete reports", flagged & complete_pairs)):
            strict, evidence, headline, probable, counts = adjudicated_precision(fl, links, judge)
            print(
                f"{threshold:<9}  {view:<17}  {len(fl):>7}  {strict:>8.3f}  {evidence:>10.3f}  "
                f"{headline:>10.3f}  {probable:>11.3f}  {counts}"
            )
    reasons = Counter(judge(p) for p, v in prob.items() if v >= 0.9 and p not in links)
    print("flagged at 0.9, two caseids, by class and reason:")
    for (klass, reason), n in sorted(reasons.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {klass}: {reason}: {n}")
    for a, b in sorted(p for p, v in prob.items() if v >= 0.9 and p not in links):
        ra, rb = reports[a], reports[b]
        print(
            f"    {judge((a, b))[1]}: {a} ~ {b} p {prob[(a, b)]:.3f}; mfr_num "
            f"{ra.demo['mfr_num'] or '-'} / {rb.demo['mfr_num'] or '-'}; auth_num "
            f"{ra.demo['auth_num'] or '-'} / {rb.demo['auth_num'] or '-'}; complete "
            f"{ra.complete}/{rb.complete}\n      differ: {_differences(features[a], features[b])}"
            f"\n      weights: {_weights(rows[(a, b)])}"
        )

    unblocked = why_not_blocked(table, [p for p in links | complete_unlinked if p not in prob])
    print(f"links never scored: {dict(Counter(unblocked[p] for p in links if p in unblocked))}")
    for threshold in (0.5, 0.9):
        print(f"\nmissed links at {threshold} (both complete first):")
        missed = [p for p in links if prob.get(p, 0.0) < threshold]
        missed.sort(key=lambda p: (p not in complete_links, -prob.get(p, 0.0), p))
        for a, b in missed:
            ra, rb = reports[a], reports[b]
            _show_pair(
                f"{a} ({ra.quarter} v{ra.version}) ~ {b} ({rb.quarter} v{rb.version})",
                f"complete {ra.complete}/{rb.complete}; {unblocked.get((a, b), 'scored')}",
                features,
                rows.get((a, b)),
                (a, b),
            )
        lost = sorted(
            (p for p in complete_unlinked if prob.get(p, 0.0) < threshold),
            key=lambda p: -prob.get(p, 0.0),
        )
        print(
            f"pairs of two complete reports of one manufacturer number or article missed at "
            f"{threshold}: {len(lost)} of {len(complete_unlinked)}"
        )
        for a, b in lost:
            ra, rb = reports[a], reports[b]
            _show_pair(
                f"{a} ({ra.quarter}, {ra.demo['mfr_sndr']}) ~ {b} ({rb.quarter}, "
                f"{rb.demo['mfr_sndr']})",
                f"{unlinked[(a, b)]}; {unblocked.get((a, b), 'scored')}",
                features,
                rows.get((a, b)),
                (a, b),
            )
        false = sorted(
            (p for p, v in prob.items() if v >= threshold and p not in links),
            key=lambda p: -prob[p],
        )
        explained = [p for p in false if p in unlinked]
        rest = [p for p in false if p not in unlinked]
        print(
            f"false alarms at {threshold}: {len(false)}, of which {len(explained)} one "
            f"case by manufacturer number or article, {sum(p in hard for p in rest)} of the "
            f"other {len(rest)} hard negatives; the top {args.top} of those {len(rest)}:"
        )
        for a, b in rest[: args.top]:
            ra, rb = reports[a], reports[b]
            print(
                f"  {a} ({ra.quarter}, case {ra.case_id}) ~ {b} ({rb.quarter}, case "
                f"{rb.case_id}) p {prob[(a, b)]:.3f}; mfr_num {ra.demo['mfr_num'] or '-'} / "
                f"{rb.demo['mfr_num'] or '-'}; lit_ref {'yes' if ra.demo['lit_ref'] else 'no'}"
                f" / {'yes' if rb.demo['lit_ref'] else 'no'}\n"
                f"      differ: {_differences(features[a], features[b])}\n"
                f"      weights: {_weights(rows[(a, b)])}"
            )


if __name__ == "__main__":
    main()
