"""Benchmark: duplicate detection measured on real records, ground truth by ground truth.

Run (imports the shared VAERS 1990-2006, CAERS and FAERS 2025Q4 data into a bench
store first if it is not there):

    .venv/bin/python bench/duplicates.py --home /tmp/dv-bench --sizes 10000,100000
    .venv/bin/python bench/duplicates.py --home /tmp/dv-bench --sizes 1000000   # once

Ground truths, reported separately:

1. **FAERS version links** (several ``primaryid`` of one ``caseid``): a quarter holds one
   version per case, so links exist only across quarters; the shared samples' caseids
   do not overlap. ``bench/faers_links.py`` adds head slices of 2020Q3, 2022Q4 and
   2026Q2 from public repositories' test data and finds 31 links (1 between two reports
   with products and reactions): too few for a precision, reported there pair by pair.
   ``bench/vaers_links.py`` adds VAERS reports under one manufacturer number
   (``SPLTTYPE``): 168 pairs in 1990-2006, a noisy second opinion.
2. **DiAna's rule-based duplicates** (``faers_diana_sample``, Fusaroli et al.'s
   pipeline: same sex, age, country, event date, substances and PTs). A second
   opinion: the pairs of the 1,000-report sample that DiAna's key puts together are
   compared, pair by pair, with the pairs the model flags.
3. **Duplicates made from real records** at 10k / 100k / 1M reports: real VAERS,
   CAERS and FAERS reports (from the store, :mod:`dermavigil.duplicates.store_features`)
   sampled; a record drawn again becomes *another patient* with the same products and
   reactions (new age, sex, event date, and the state and lots of another real report
   of the same product: the hard negatives); 5% of records are
   re-reported the way real duplicates differ. The mix of kinds follows the sources of
   duplicates that Tregunno et al. 2014 (Drug Saf 37:249-258, vigiMatch in VigiBase)
   and Kreimeyer et al. 2017 (Drug Saf 40:571-582, VAERS/FAERS) describe -- unlinked
   follow-ups, the same case from another reporter (patient, physician, manufacturer),
   transcription errors and missing fields. **The per-field rates below are this
   bench's assumptions**: the papers' full texts, with their per-field disagreement
   rates, were not at hand; Norén et al. 2007 (Data Min Knowl Disc 14:305-328) report
   vigiMatch's 63% recall at 71% precision and Kreimeyer et al. 77% recall at 95%
   precision on VAERS, the figures to compare with. (Searched again 2026-12-05: the
   abstracts and the pages at hand state no per-field rates; what they do state:
   Tregunno et al. found about 2.5% of VigiBase 2000-2010 reports to be duplicates,
   11% of literature reports and 5% of fatal ones, as a scoping review of duplication
   in pharmacovigilance databases summarises them; and the public VAERS data hold only
   the first report of a case VAERS knows to be one, per the VAERS Data Use Guide.)

   Two real reports that the model pairs are counted false. Checked against the VAERS
   files (10k, threshold 0.5, before state and lot were compared): of
   181 such VAERS pairs 133 of the 166 with both states given came from two states and
   128 of 150 with both lots given named different lots, so they are two patients (same
   vaccine, day and age: infants vaccinated on one schedule), not duplicates VAERS
   missed; the model lacked the facts that tell them apart, now compared (STATE as
   ``region``, VAX_LOT as ``lots``). The rest are clusters: one clinic, lot and day,
   often one manufacturer narrative copied under consecutive manufacturer numbers
   (SPLTTYPE), ages that differ; the pairs that agree on every compared fact both
   reports hold are counted apart (twins(): nothing in the records separates them).
4. **Across sources**: a third of the synthetic duplicates is filed under another source
   (a registry copy of a VAERS report...), and recall on those pairs is given alone.

Figures of 2026-12-05 (splink 5.0.0, DuckDB 2.0.1; 2 CPUs shared by 8 engineers, load
average 15-18 throughout, so wall times are 5-8x the CPU times):

    size  wall / CPU s  RSS     pairs (unbounded)  block R  P/R/F1 at 0.5   P/R/F1 at 0.9
    10k   144 / 18      2.5 GB  0.84M (6.2M)       0.980    .629/.688/.657  .845/.612/.710
    100k  1378 / ~200   3.9 GB  14.6M (600M)       0.929    .445/.597/.510  .783/.496/.607
    1M    blocking only: 1079 / 216 s, 7.1 GB (with the generation), 189M pairs
          (60.5 billion unbounded), blocking recall 0.881; not scored (hours at this load)

Precision counting only pairs with a made copy on one side (two sampled real VAERS
reports may be a real unlinked duplicate): 10k 0.969 at 0.5, 0.987 at 0.9; 100k 0.926 at
0.5, 0.986 at 0.9. Copies that
share no identifying fact with their original (IDENTIFYING): 69 of 500 (10k), 688 of
5,000 (100k); recall on the others at 0.5: 0.782 (10k), 0.673 (100k). Targets (>= 0.95
both, 100k in 60 s, 1M in 15 min) are not met.

Comparisons added 2026-12-05 (issue 16, accuracy): region (VAERS STATE) and lot numbers
(the lot's chance agreement counted among reports of one product and region within a
month), a level for one report's reactions all in the other's, two or more lots all the
same, and the outcome (fatal or not). 10k, one ground truth for both rows (the generator
now also gives hard negatives another report's state and lots, and 2% of follow-ups a
death), ``--sizes 10000`` at load 15-18, meta-blocking of main 614e82a in both:

    model                  P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.95   distinguishable at 0.9
    before (main 8a35349)  .631/.756/.688   .860/.664/.749   .904/.586     P .894 R .738
    after                  .854/.902/.877   .912/.852/.881   .920/.824     P .941 R .935 F1 .938

"Distinguishable": recall on the true pairs the data can tell (446 of 500: 48 share no
identifying fact, 24 match a third report as well), precision also without the 15 twins.
Of the 37 false alarms at 0.9 between two real VAERS reports: ages differ in 10, onset
dates in 5, manufacturer numbers (SPLTTYPE) in 22, narratives alike (>= 80% of words) in
13; no two states differ (clusters: one clinic, lot and day).

Speed, after meta-blocking (meta_blocking.block_pairs: each record's 10 heaviest candidate
pairs, weights from shared keys and identifying facts; scored pairs registered with
splink), the same synthetic records scored by ``score_table`` with main before the
change and after (model of main 614e82a, before the comparisons above), in one session,
2 CPUs at load 14-19 (wall / CPU / peak RSS, old -> new):

    10k   25 s / 10.6 s / 2.4 GB -> 20 s / 6.3 s / 0.6 GB; pairs scored 305k -> 64k
    100k  1161 s / 282 s / 4.0 GB -> 148 s / 31 s / 1.7 GB; pairs scored 5.09M -> 0.67M
    1M    blocking alone: 684 s wall, 187 s CPU, 3.9 GB; 71.7M candidate pairs -> 6.68M

    P/R at 0.5 and 0.9  10k  .629/.688, .845/.612 -> .630/.688, .845/.612
                        100k .445/.597, .783/.496 -> .463/.596, .791/.496

At 100k the phases (CPU s) were blocking 10 -> 12 (now with the pairing), splink
predict 178 -> 7, writing the scored pairs ~90 -> <1, u 2.5 and EM 4 unchanged.

100k after (main 12b5896, each record's 20 heaviest pairs; one run, load 19 -> 15, 245 s
wall / 54 s CPU, 2.55 GB): P/R/F1 .494/.820/.616 at 0.5, .621/.736/.674 at 0.9,
.776/.624/.692 at 0.99; distinguishable at 0.9 P .748 R .841. Half of VAERS is sampled, so
its clusters are too: 1,820 false alarms at 0.9 between two real VAERS reports (ages
differ in 431, states in 40, manufacturer numbers in 1,237; narratives alike in 902),
1,043 of all false alarms twins. Same lot, state and day are
not independent evidence for a cluster; the model still multiplies them (left open).

Chance agreement given the product and EM that does not take clinic sessions for
duplicates (issue 16, 2026-12-05, main be84d52 and the commit after it;
``duplicates.chance``): u of the facts that go with a product (age, day, route, sex,
onset...) among pairs of one product, EM's u held at its block's own pairs, an m floor of
1e-6 in EM, the first EM block product + day + state. Same command, one bench store,
before at load 1.4-4.3, after at load 11.3 -> 6.8 (``bench/duplicates.py --home
/tmp/dv-bench16 --sizes 10000,100000``):

    size  wall / CPU s        RSS     P/R/F1 at 0.5         P/R/F1 at 0.9
    10k   6.2/5.5 -> 68/13.5  1.0 GB  .856/.900/.877 ->     .912/.852/.881 ->
                                      .899/.876/.888        .925/.786/.850
    100k  28/28 -> 115/40     2.0 GB  .506/.818/.625 ->     .631/.735/.679 ->
                                      .641/.791/.708        .724/.697/.710

    distinguishable at 0.9: 10k P/R .941/.935 -> .958/.865; 100k .751/.840 -> .888/.797
    false alarms at 0.9 between two real VAERS reports: 10k 37 -> 28; 100k 1,749 -> 1,193
    (twins, agreeing on every compared fact both hold: 100k 972 -> 904)

CPU grows by ~8 s at either size (three linkers score 500k sampled pairs each: the
product pairs and each EM block). On 1991 VAERS alone (no duplicate planted) EM on
product + day had expected 1,219 matches among 26,751 pairs and given "same sex" m 0.66:
another patient of a clinic session, 17 years older and of the other sex, scored 0.97;
now 0.007 (``tests/duplicates/test_clinic.py``). At 10k the agreement on an infant's age
or a day weighs less for every pair, so recall at 0.9 falls (.852 -> .786) while
precision rises; the best F1 is at 0.5 (.888). FAERS links (``bench/faers_links.py``):
at 0.5 7/31 -> 6/31, at 0.9 4/31 -> 4/31, the one link between complete reports found
at 0.9; DiAna unchanged (ours 23, both 1). Targets (>= 0.95 both) still not met: of the
100k false alarms at 0.9, 904 are twins no compared fact separates and 1,193 lie between
two real VAERS reports (700 with narratives alike: VAERS's own unlinked duplicates or
one clinic's copied narrative), and the redrawn hard negatives that share a rare
reaction set still gain ~11 bits from the rare-reaction comparison on top of the
products-and-reactions one (left open).

Why precision falls from 10k to 100k (issue 16, 2026-12-05; ``--dump`` writes the records
and scored pairs, the breakdown by kind is printed): of the 1,329 false alarms at 0.9 at
100k, 1,195 lie between two *distinct sampled real* reports, 89 between a record drawn
again (another patient) and a sampled one, 45 involve a made copy (at 10k: 30, 1, 1).
The real pairs are VAERS's own clusters (consecutive VAERS_IDs, one vaccine, lot, state and
day: a clinic's reports); the bench samples 4.6% of the 207,801-report pool at 10k and
46% at 100k, so such pairs grow with the square of the share (x40 for x10 records) while
the true pairs grow linearly. Of the 1,193 between two VAERS reports, 912 give both
manufacturer numbers (SPLTTYPE) and 907 of those differ, mostly consecutive numbers of
one sender (``WAES92060768`` / ``WAES92060644``, ``893291018E`` / ``893291002E``):
two cases by the sender's own count, a fact the model did not compare. It now does
(``report_number``: the same number for, one numbering scheme and two numbers against,
its m a stated prior that EM does not replace, see ``duplicates.model.M_HELD``); copies
keep, drop or change the number by :data:`NUMBER_RATES` (assumptions). Exact copies
missed before (recall 0.90 at 10k) were reports with product and reactions only, the
same as other real reports ("hep", "drug ineffective", no age or date). Same command,
one store (re-imported for the number), before at load 4.9-9.9, after at load 8.8-9.7,
the records of every copy identical but for the new number:

    size  model                 P/R/F1 at 0.5    P/R/F1 at 0.9    RSS     wall / CPU s
    10k   before                .899/.876/.888   .925/.786/.850   1.0 GB  27 / 13
          number, EM's m        .913/.918/.915   .936/.844/.887
          number, prior m       .924/.918/.921   .946/.844/.892   1.0 GB  64 / 15
    100k  before                .641/.791/.708   .724/.697/.710   2.0 GB  119 / 40
          number, EM's m        .656/.843/.738   .782/.765/.773   2.4 GB  132 / 43
          number, prior m       .700/.841/.764   .820/.763/.790   2.4 GB  207 / 44

    false alarms at 0.9 between two real VAERS reports, 100k: 1,193 -> 851 -> 643
    recall at 0.9 by kind, 100k before -> after (prior m): exact copy .837 -> .941,
    follow-up .790 -> .873, other reporter .561 -> .568, typos and missing .599 -> .744
    (kinds as each run classifies them: a copy whose number was dropped is no longer an
    exact copy, 1,178 -> 910 of the 5,000)

Tried and dropped (branch issue-16-rare-tried): leaving the rare-reactions comparison
out when the first suspect and every reaction term agree, since that level's profile
frequency already counts the rare terms (the double count the lead suspected: on the
100k run above, 118 of 1,069 false alarms and 49 of 3,827 true pairs at 0.9 were above
it only by the rare terms). Bench: 10k F1 at 0.5 / 0.9 .921 / .892 -> .915 / .887, 100k
.764 / .790 -> .780 / .793; but on real data it lost what tests guard: FAERS 2025Q4
follow-up versions found at 0.9 fell to 109 of 168 informative ones (test asks 70%), and
the seed's exact copy among its 300 registry near-copies fell to p 0.08 (a profile many
near-copies share has a low profile weight; its rare terms were what told the copy).

The records are made without a Python object per record (2026-12-05): every random
choice is drawn up front as numpy arrays (one column per perturbation of :data:`RATES`
and per copy, the report number's from a generator of its own) and DuckDB applies them
to the sampled Arrow records (:func:`synthetic`). Same rates, same kinds; the draws come
in another order than the per-record loop's, so one seed makes other records with the
same distribution, not the same records. Counts by kind of the 5,000 true pairs at 100k
(per-record loop -> vectorised), seeds 16 / 17 / 18: exact copy 910 / 973 / 923 -> 1,000
/ 917 / 916, follow-up 1,488 / 1,433 / 1,438 -> 1,384 / 1,468 / 1,482, other reporter
1,581 / 1,647 / 1,674 -> 1,632 / 1,669 / 1,666, typos and missing 1,021 / 947 / 965 ->
984 / 946 / 936 (binomial spread about +-30); at 10k, seed 16: 97 / 153 / 163 / 87 -> 95
/ 151 / 172 / 82; records drawn again (another patient) 194 and 18,839 in both; per kind
the fields changed agree likewise (other reporter at 100k: ages changed 695 vs 642 of
~1,600, event dates 657 vs 647, fewer reactions 643 vs 669, numbers dropped 599 vs 585,
another sender's 237 vs 241). Making the records (the pool already read, load 4-10):
10k 7.8 s wall / 5.2 s CPU / 1.06 GB peak -> 1.9 / 0.9 / 0.42; 100k 41.8 / 9.2 / 1.39
-> 7.0 / 2.1 / 0.58; 1M (the loop: ~4.6 GB of the last session's 5.4 GB peak) -> 45 s /
13.2 s / 2.3 GB.

Why another reporter's copies were missed, and what changed (issue 16, 2026-12-05;
``--dump``, the breakdown by kind). At 100k (the per-record generator's records, main
8b4c7a6's model), of the 1,581 "other reporter" pairs 898 were found at 0.9; 130 shared
no kept blocking key and 50 were pruned (of those 180, 87 had the same product-reaction
profile, 70 a lot in common, 8 an age: the copy gave neither age nor event date, so every
refinement by event month or year of birth dropped it); 503 scored below 0.9, of the 350
between 0.1 and 0.9 the event date missing on one side in 194, a few days off in 71 (at
"within 31 days", 2.5 bits), the age missing in 141 and a year off in 34 ("within 1
year" weighs 0: among one vaccine's pairs infants' ages are that close by chance). The
model now blocks on a lot number and a reaction term (refined by state, then sex) and
refines the product-reaction profile by state, and grades the event date within a week
(m .08 of the former .12 of "within 31 days", a prior: EM's blocks hold the day fixed).
Same command with ``--dump``, vectorised records both, main 8b4c7a6 (before) and 1e1ac90
(after) in two runs beside each other, load 7.4-11.1:

    size  model   P/R/F1 at 0.5     P/R/F1 at 0.9     other reporter R at 0.9  block R  CPU s
    10k   before  .914/.868/.890    .941/.804/.867    .605                     .976     14.1
          after   .918/.870/.893    .942/.810/.871    .622                     .988     13.8
    100k  before  .693/.845/.761    .815/.762/.788    .569                     .940     37.7
          after   .679/.854/.756    .803/.771/.787    .590                     .975     39.3

(block R: true pairs kept by blocking and pruning; wall 191 -> 146 s at 10k, 114 -> 362 s
at 100k, the load rising; peak RSS 1.0 GB and 2.3 GB both.) Recall of the other reporter's
copies rises by 2 points and F1 stands still: most pairs blocking now keeps hold nothing
but products, reactions, a lot and a state, which two patients of one clinic session share
too. FAERS links (``bench/faers_links.py``) unchanged: 31/31 blocked, P/R .349/.968 at 0.9.

1M after (main 1e1ac90's model, vectorised records; ``--sizes 1000000 --light``, nice 19,
beside the runs above, load 7.3 -> 5.7): detection 1,528 s wall / 513 s CPU, peak RSS
4.13 GB (2.28 GB of it before detection: the pool and the million records; the last
session's 5.4 GB, ~4.6 GB of which the per-record generation), 28 min wall for the whole
run; 198M bounded pairs, 85.2M candidates, 7.03M scored; P/R/F1 at 0.5 .479/.795/.597, at
0.9 .666/.712/.688 (the last session's .642/.701 at 0.9), at 0.99 .874/.608/.717; recall
at 0.9 by kind: exact copy .902, follow-up .831, other reporter .498, typos and missing
.705. The 15-minute target is met in CPU (8.6 min) but not in wall time on this shared
machine; precision falls with size for the reason above (the sampled share of VAERS's
clinic clusters grows: the pool is 207,801 reports, so 1M draws each ~4.8 times, and a
record drawn again is another patient of the same products and reactions).

Tried and dropped (not on main): the age split by adulthood, "same adult age" and "adult
ages within 1 year" as levels above "same age" and "ages within 1 year" (both patients
18 or older: adults' ages spread over decades, a vaccine's infants share a schedule).
Same records as the table above: 10k P/R at 0.9 .942/.810 -> .942/.808; 100k .812/.769
-> .793/.783 (weights 7.1 and 2.1 bits for adults, 3.4 and 0 for children, at 10k):
recall bought with precision, F1 unchanged. (The same 100k records scored again, from
their ``--dump``, by the model on main gave .812/.769, the bench run .803/.771: two
scorings of one table differ slightly. Four more scorings of it at load 0.8-1.7, two
with DuckDB held to one thread, all gave .803/.771, their models equal but for float
rounding in EM's sums; under load 7-11 .803 to .812: a sample whose draw depends on
thread timing, not found. Differences of +-.01 in precision at 100k are within it.) The
levels "same suspect products, most reaction terms in common" and "one report's reaction
terms all in the other's" adjusted by the frequency of the product-reaction profile
(splink's term frequency of ``signature``, the larger of the two sides') instead of the
first suspect's. 100k, same records: P/R at 0.9 .806/.764 -> .788/.801, the other
reporter's recall .569 -> .645; but a profile held once weighs ``log2(u_same * n)``
more, so it overrates a unique profile in a large collection (what the rest of a subset
holds is not counted) and underrates it in a small one: a report naming fewer reactions
than another of two cases fell to weight 0
(``tests/duplicates/test_duplicates_detect.py``, which failed).

Why an exact copy is ever missed (issue 16, 2026-12-05; main 2f5d961, ``--sizes
10000,100000 --dump``, load 1.4 -> 3.0; 100k detect 47 s wall / 36.4 s CPU, P/R/F1 at 0.9
.803/.771/.787, exact copies .938; the 100k records scored again at threshold 0 to read
every scored pair): **all 1,000 exact copies are scored** -- none lost to the block cap
or to pruning to each record's 10 heaviest pairs (a copy shares every key of its
original, so their edge is the heaviest of both). The 62 below 0.9 (20 below 0.1) are
sparse records: 55 share no identifying fact (CAERS supplement reports of a product, a
reaction and a sex; VAERS reports of a vaccine, a reaction, a state and a lot, no age or
date), and 28 of the 62 have a third record agreeing with the original on every
compared fact both hold (the bench's "another patient" redraws keep the products and
reactions, and 18,839 of the 95,000 sampled records are redraws). The 7 with an age
score .17-.87: product, reactions, age, sex and a lot give ~21 bits against a prior of
-20.9 at 100k. So the misses are what the records cannot tell, not a blocking or
scoring fault; recall on exact copies is bounded by the bench's sparse records and
redraws, as ``indistinguishable()`` and ``ambiguous()`` count.

False alarms between two real VAERS reports adjudicated (issue 16, 2026-12-05; the same
100k run; ``bench/vaers_adjudication.py`` reads the VAERS files, fields the model does not
compare -- narrative, received and vaccination dates -- or compares otherwise, never the
score). Of the 681 at 0.9: **402 are two cases by evidence** (one sender's two numbers
258: consecutive numbers of one manufacturer's batch, ``WAES92060643`` / ``...637``,
"this is 1 of 6 pt, out of 30 vaccinees from this facility"; ages more than a year apart
78; vaccination dates differ 49; sexes 16; onsets 1), 37 one case by evidence (the same
number 33; narratives alike, received on different days 4), 29 probably one case (a
manufacturer's report and a direct one of the same patient received months apart: a 22-
year-old in NC, short of breath 10 minutes after the vaccine, reported in December 1999
and again by the manufacturer in November 2000), 213 undetermined (174 received the same
day, mostly without numbers: a clinic's batch or one form sent twice). Precision at 0.9:
strict .803, counting the one-case pairs true .811, with the probable .817 (0.5: .679 /
.685 / .695; 10k at 0.9: .942 / .942 / .947). So the strict figure is not far below the
adjudicated one: the false alarms are mostly two patients whom the model pairs despite
one sender's two numbers (-4.0 bits against ~25 bits of one vaccine, profile, day,
state and lot) or ages 2-5 years apart ("ages within 5 years" weighs 0: EM's m .0098 is
below its u .28 among one product's pairs, and an agreement level is held at weight >= 0;
likewise "within 1 year", m .0073, u .16).

Ages 2-5 years apart as a disagreement (issue 16, 2026-12-05): the level "ages within 5
years" becomes "no agreement (ages within 5 years)", a graded disagreement whose weight is
held <= 0 (a level's label starting "no agreement" says so; ``duplicates.levels``), so
EM's estimate reaches the score instead of being held at 0; its prior m .20 -> .14 (= u,
weight 0 with priors alone), the .06 to "ages within 1 year" (.15 -> .21, still an
agreement: age at onset and at report). FAERS versions keep the age (21 of 21 links with
both). Same command, records and store as above (``--sizes 10000,100000 --dump``), load
5.4 -> 7.8; 100k detect 70.7 s wall / 37.6 s CPU (before 47.4 / 36.4 at load 4.1-3.0),
2.26 GB:

    size  model   P/R/F1 at 0.5     P/R/F1 at 0.9     adjudicated P at 0.9 (evidence / +probable)
    10k   before  .918/.870/.893    .942/.810/.871    .942 / .947
          after   .920/.870/.894    .942/.810/.871    .942 / .947
    100k  before  .679/.854/.756    .803/.771/.787    .811 / .817
          after   .689/.854/.763    .815/.771/.793    .823 / .829

Recall by kind unchanged at 0.9 (exact copy .938, follow-up .868, other reporter .590,
typos .767); false alarms at 0.9 between two real VAERS reports 681 -> 632, of them two
cases by ages more than a year apart 78 -> 33. FAERS links (``bench/faers_links.py``):
at 0.9 unchanged (86 flagged, P/R .349/.968, adjudicated .558/.860), at 0.5 181 -> 179
flagged (P .171 -> .173). Tried first: the .18 of m to "same age" (.45 -> .63) and the
level's prior m .02: 100k .820/.770 at 0.9, but FAERS at 0.5 flagged 266 (P .117): pairs
of incomplete reports agreeing on age and day, whose "same age" EM shrinks toward the
prior.

A lot shared in one clinic session (issue 16, 2026-12-05): the lot's chance agreement was
counted among reports of one product and state within a month (u .105 for "a lot number
in common"), while the day and state were weighed on their own: for two reports of one
product, day and state, a shared lot is three times likelier by chance (.33 at 100k), so
the product of likelihood ratios counted ~1.6 bits of one session twice (a what-if on the
scored pairs: P/R at 0.9 .803/.771 -> .840/.766). New first lot level "a lot number in
common, the same day and state", its u counted among the sampled pairs of one product,
state and day, the other lot levels' among pairs of other days
(``chance.lot_u_among_product_pairs``); priors .40 / .004 for it, "two or more" .30 ->
.15, "in common" .50 -> .25. Same command and records, load 4.1 -> 6.8, 100k detect 72.6
s wall / 38.6 s CPU, 2.26 GB:

    size  model        P/R/F1 at 0.5     P/R/F1 at 0.9     adjudicated P at 0.9
    10k   ages (above) .920/.870/.894    .942/.810/.871    .942 / .947
          + session    .923/.868/.895    .955/.798/.869    .955 / .957
    100k  ages (above) .689/.854/.763    .815/.771/.793    .823 / .829
          + session    .702/.847/.767    .856/.756/.803    .864 / .870

Recall at 0.9 by kind, 100k: exact copy .938 -> .937, follow-up .868 -> .852, other
reporter .590 -> .583, typos .767 -> .723 (copies that keep product, lot, day and state and
little else lose the 1.6 bits too); false alarms at 0.9 between two real VAERS reports
632 -> 406 (one sender's two numbers 258 -> 83). FAERS links unchanged (86 flagged at 0.9,
.349/.968; 179 at 0.5).

Tried and dropped (branch ``issue-16-country-code-tried``): the manufacturer number
without its leading country code (``DE-BAYER-2015-011744`` = ``US-BAYER-2015-011744``,
E2B(R3) C.1.8.1; a state's ``WA-99-1576`` kept). It changes one pair in all the data, and
the "same report number" u, counted among random pairs of one product, doubled (that
pair, a true duplicate, sampled as chance agreement): its weight 18.2 -> 17.2 bits, and
two FAERS version links known by the number alone fell below 0.9 (30/31 -> 28/31).

The term-frequency baseline and reaction terms a typo apart (issue 16, seventh session).
splink adjusts a level for the first suspect product's frequency by ``log2(u of the
exact-match level "same first suspect product, reactions differ") - log2(frequency)``;
``training.constrain`` had lowered that level's ``u`` (.067 from random pairs) to EM's
``m`` (.028), so every level requiring the same first suspect weighed 1.3 bits less than
the product's frequency says, and any change of EM's ``m`` there moved them all (-0.7
bits when the typo level below was added). A term-frequency baseline now keeps its ``u``
and has its ``m`` raised (``Level.tf_baseline``). New level "first suspect the same or
spelt alike, one reaction term mistyped": the reaction terms are the same but one of one
report, which is one Damerau-Levenshtein edit from a term of the other that the first
lacks (``pair_conditions.one_mistyped``, ``TYPO_EDITS``; 33 pairs of the 3,870 distinct
terms are different terms one edit apart, "hepatitis a" / "hepatitis b", whose chance
agreement the level's ``u`` holds). Written first as "every term of one report within
an edit of one of the other's" with nested lambdas over whole lists, it cost ~140
microseconds a pair, 72 s more CPU at 100k (113 s); the term comparison now runs only on
pairs of one product with one unshared term (5 microseconds a pair). The 100k records of
``--dump`` (the run above, identical to main's) scored by ``score_table`` in one process
each, load 7.3-9.6 (wall times are not the speed figures; CPU 41 s, 41 s, 49 s):

    model                 P/R at 0.5   P/R at 0.9   P/R at 0.95  F1 at 0.9  recall by kind at 0.9
                                                                            exact/follow-up/other/typos
    main                  .702/.847    .856/.756    .877/.718    .803       .937/.852/.583/.723
    + tf baseline kept    .692/.859    .850/.776    .869/.739    .811       .936/.879/.617/.732
    + one term mistyped   .693/.867    .849/.790    .872/.753    .818       .937/.881/.615/.802

FAERS links (``bench/faers_links.py``): at 0.9 unchanged (138 flagged, 30/31 links, two
cases by evidence 8), at 0.5 unchanged (310), at 0.99 70 -> 69.

One sender's two numbers weigh -5.9 bits on FAERS (``REPORT_NUMBER_SAME_SCHEME_M``
0.01 -> 0.001; issue 16, eighth session). The rare reactions of two reports of one
publication weigh by how often two patients of one article share them
(``duplicates.model.PUBLICATION_RARE``): the bench's records hold no publication, so
that moves nothing here ("+ number (both)" ran with a first form of it).
``--home /tmp/dv16w --sizes 100000``, the same records in each run, 2 CPUs shared, load
average before/after each run in brackets (wall times are not speed figures; CPU is):

    model           load     P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.99  wall / CPU s
    main 28297d3    5.9/10   .683/.867/.764   .844/.792/.817   .934/.660    139 / 48.2
    + number (both) 10.2/7.7 .755/.867/.807   .863/.790/.825   .940/.656    199 / 46.9

    recall at 0.9, exact / follow-up / other reporter / typos: .939/.883/.616/.805 ->
    .937/.881/.615/.802.
    false alarms at 0.9 between two real VAERS reports 447 -> 365 (one sender's two
    numbers by the VAERS files 84 -> 26); adjudicated P at 0.9 .852 / .860 -> .872 / .879.
    Country and region frequencies among one product's pairs on top (tried, not landed):
    .759/.866 at 0.5, .864/.787 at 0.9 (load 7.6/8.4, 47.9 s CPU).

Ages far apart that no slip explains (issue 16, ninth session; ``model.AGE_FAR``): the
age's else level split into a gap one slip of the pen explains (a digit swapped, changed
or dropped; months, weeks, days or decades read as years), an age outside the other's
age group, and the rest, whose prior m is 0.003 (EM's at 100k). ``--home /tmp/dv16-bench
--sizes 100000``, one store, same records, load 7.5/6.2 and 5.4/4.1:

    model          P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.99  CPU s  adjudicated P at 0.9
    main 65d52e3   .755/.867/.807   .863/.790/.825   .940/.656    45.1   .872 / .879
    ages far apart .765/.867/.813   .869/.790/.828   .941/.657    45.5   .874 / .881

    recall at 0.9 by kind unchanged (exact .937 -> .936, follow-up .881, other reporter
    .615 -> .617, typos .802); flagged pairs with a redrawn patient fall (twins at 0.9
    260 -> 247). FAERS links: see bench/faers_links.py. (Correction, same session: the
    same records rescored by ``score_table`` with DuckDB on one thread, main 65d52e3 and
    the ages-far-apart model: .755/.867/.807 -> .758/.867/.809 at 0.5, .863/.790/.825 ->
    .864/.790/.825 at 0.9, .940/.656 -> .941/.657 at 0.99, recall by kind unchanged; the
    .869 at 0.9 of the table's run is the thread-timing spread noted above. On the bench
    the change is neutral: its copies never give ages more than a year apart.) At 100k
    EM trains the age (both sessions used): ages far apart m .00018 / u .47 among one
    product's pairs, -11.4 bits; a slip apart .00024 / .044, -7.5 (the bench's copies
    never give an age more than a year off, so EM's m is near its floor, shrunk toward
    the prior).

Onset latencies 2-7 days apart as a disagreement (issue 16, ninth session): "within 7
days" becomes "no agreement (onset latencies within 7 days)", its prior m .18 -> .17 (=
u), the .01 to "within 1 day"; at 100k EM's m .0044 against u .23 among one product's
pairs (-5.7 bits, held at 0 as an agreement before). The dumped 100k records of main
65d52e3 rescored by ``score_table`` with DuckDB on one thread (the full bench run of the
change gave the same figures, 45.0 s CPU, 2.23 GB):

    model            P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.99  flagged at 0.9
    main 65d52e3     .755/.867/.807   .863/.790/.825   .940/.656    4,573
    ages far apart   .758/.867/.809   .864/.790/.825   .941/.657    4,572
    + onset latency  .764/.867/.812   .867/.790/.826   .942/.657    4,556

    recall by kind unchanged at 0.9 (.937/.881/.615/.802): the bench's copies keep the
    latency. False alarms at 0.9 between two real VAERS reports 365 -> 354 (vaccination
    dates differ, by the VAERS files, 52 -> 47 of the two-cases ones). FAERS links
    unchanged (the FAERS records give no latency).

Tried and dropped (branch ``issue-16-country-product-tried``): the country's frequency
among the first suspect's patients for pairs of one first suspect (a held level "same
country, same first suspect product" whose term-frequency lookup is ``(n(p, c) - 1 + 10
f(c)) / (n(p) - 1 + 10)``, patients counted as distinct sex, age and event day; other
pairs keep the plain frequency, so the FAERS links known only by a number and a country
keep theirs). 100k: P/R at 0.9 .864/.790, as without it (the VAERS records give no
country). FAERS at 0.9: three one-case pairs lost (one escitalopram patient filed in
Spain by Apotex, Mylan and Teva: country +6.1 -> +2.2 bits, the copies without age or
sex counting as patients of their own), no two-cases pair gained (the Portuguese and
Hungarian pairs name different first suspects), headline P .822 -> .818.

What the other reporter's copies keep, and what loses them (issue 16, ninth session;
main 65d52e3's 100k ``--dump``, the 1,632 "other reporter" pairs): every one keeps the
first suspect (a renamed product keeps its key: ``product_key`` drops the strength), so
the products-and-reactions comparison reaches its product levels in all. Found at 0.9:
1,003, 80% with an event day on both sides, 71% an age. Between 0.1 and 0.9: 363, 36%
with both days, 57% both ages, 25% no age and no day on one side. Below 0.1 or not
scored: 266, 9% with both days, 37% both ages, 56% neither. So the copies lost are
those the bench strips of the event day (RATES: missing .3, a few days off .2) and the
age (missing .3, a year off .2: "ages within 1 year" weighs 0 at 100k, its u among one
vaccine's pairs .16); what is left -- product, reactions (one dropped at a rate of .5:
the subset level, about 6 bits below the profile's 12.5), region, sex, a lot -- is what
two patients of one clinic session share. No comparison weighs them wrongly; recall
here is bounded by the facts the copies keep.

Infants' ages and slips of the pen (issue 16, tenth session;
``pair_conditions.age_slip``): a digit slip now asks for whole ages of at least 1 (an age
0 is how a report in whole years gives an infant under one: ``0`` / ``10`` was a digit
dropped, ``0`` / ``7`` a digit changed), a count of months, weeks or days read as years
for a whole number (``0.5`` / ``5.6`` had passed as 6 months), decades read as years for
a whole count of decades against an age in that decade (``0.6`` / ``6`` had passed as
decades; ``6`` / ``65`` now passes). Among the 100k records' pairs of one first suspect
(a tenth of the records, all their pairs) with exact ages more than 5 years apart, the
slips fall from 164,422 to 137,110: 32,026 -> 4,098 with an infant under one, 18,802 ->
0 with an age 0. EM's weights at 100k: slip u .044 -> .036 (-7.50 -> -7.22 bits), far
u .473 -> .480 (-11.35 -> -11.37). ``--home /tmp/dv16-bench --sizes 100000``, same
records, load 1.8 / 5.5: P/R/F1 at 0.5 .764/.867/.812 and at 0.9 .867/.790/.826 both,
0.99 .942/.657 both, recall by kind unchanged (the bench's copies never give ages more
than a year apart, and the pairs that change score below 0.1); 47.0 -> 41.9 s CPU.
FAERS links (``bench/faers_links.py``): unchanged.

Two bench patients never share a manufacturer number (issue 16, tenth session): a
record drawn again (another patient) took the number of another real report of its
product, so when that report was sampled too, two patients shared one number -- which a
sender gives to one case only (E2B(R3) C.1.8.1). At 100k 3,961 of the 5,602 pairs
sharing a number were such redraws (1,184 true pairs, 361 two real VAERS reports), 3
of the 5 same-product sampled pairs that set "same report number"'s u, and 104 of the 143
false alarms at 0.9 sharing a number. A redraw now takes another number of that report's
sender (its scheme, the last run of digits moved): pairs sharing a number 5,602 -> 1,616.
Main 1f35e2f's model, ``--home /tmp/dv16-bench --sizes 100000``, load 5.8 / 8.7:

    records            P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.99  adjudicated P at 0.9
    redraws share      .764/.867/.812   .867/.790/.826   .942/.657    .874 / .882
    own numbers        .794/.868/.830   .880/.794/.835   .949/.662    .889 / .897

    recall by kind at 0.9: .937/.881/.615/.802 -> .941/.886/.617/.808 ("same report
    number" no longer counts the redraws as chance: 14.0 -> 15.3 bits); 42.6 s CPU.
    FAERS links: real records, not affected.

Chance agreement without the duplicates among the sampled pairs (issue 16, tenth
session; ``chance.without_expected_matches``): splink's random sampling takes a level's
share among sampled pairs for its u, assuming they are all different cases; its own model
of that share is ``λ m + (1 - λ) u``. For "same report number" the bias is the whole
estimate: among the 136,638 sampled pairs of one product with both numbers, 2 share a
number and both are true pairs (before the bench fix above, 5: 2 true, 3 redraws). u is
now ``(share - λ m) / (1 - λ)``, ``λ`` the duplicates expected among the pairs sampled
(the model's prior for random pairs; 0.05 n / the same-product pairs for one product's),
``m`` the level's prior, at least half a pair in the sample. Same command and records as
the bench fix above (load 9.3 / 7.8):

    model             P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.99  CPU s
    main 1f35e2f      .794/.868/.830   .880/.794/.835   .949/.662    42.6
    without matches   .795/.868/.830   .883/.793/.836   .950/.660    42.5

    "same report number" 15.3 -> 16.2 bits; recall by kind at 0.9 .941/.886/.617/.808 ->
    .943/.885/.615/.809 (within the sampling spread noted above). Every other level's u
    moves by less than 1%. FAERS links: one more at 0.99 (see bench/faers_links.py).

The spread of two scorings of one table, found (issue 16, tenth session): the pairs of
one product whose levels give u (``chance.product_pairs_sql``) and a training block's
pairs (``chance.block_pairs_sql``) were DuckDB reservoir samples (``USING SAMPLE
reservoir ... REPEATABLE``) of a join's output, whose row order depends on its threads:
the same SQL on the same records drew other pairs in another process ("same report
number" from 5 sampled pairs in one run, 6 in the next: 14.0 / 13.7 bits). The pairs
(and the records they are drawn from) are now the first by a seeded hash of their ids,
whatever order they come in (``tests/duplicates/test_chance.py``). Same command and
records as above, two runs side by side (load 6.3-7.7):

    model                 P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.99  CPU s
    main be13fe3          .795/.868/.830   .883/.793/.836   .950/.660    42.5
    hash-ordered samples  .792/.869/.828   .880/.797/.836   .943/.670    43.9
    the same, again       .792/.869/.828   .880/.797/.836   .943/.670    44.4

    4,528 pairs flagged at 0.9 in both runs; recall by kind at 0.9 .945/.889/.618/.813.
    The same-product pairs are first cut to ~1.5 times the sample by the hash, so the
    ordering never holds them all (ordering all 18M at 100k: 1.6 GB and 3.2 s CPU; cut
    first: 0.34 GB and 1.0 s, the same 500,000 pairs). FAERS links unchanged (0.9: 135
    flagged, R .968, headline P .822; 0.99: 28/31). DiAna: ours 24 at 0.5, unchanged.

Ages in decades and age groups as spans (issue 16, eleventh session; the store's
``age_unit`` and ``age_group``, faers-7): FAERS ``age_cod`` DEC ("7 DEC", stored as 70)
is compared as 70-79 with no exact age, and a report with ``age_grp`` alone as the
group's span (it had no age). ``--home /tmp/dv16-bench --sizes 100000`` (store
re-imported), same records, load 1.9 / 5.6 and 4.4 / 9.7:

    model           P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.99  CPU s  RSS
    main dfac208    .792/.869/.828   .880/.797/.836   .943/.670    48.9   2.23 GB
    age spans       .791/.869/.828   .879/.797/.836   .943/.670    42.6   2.22 GB

    flagged at 0.9 4,528 -> 4,534; recall by kind unchanged (.945/.889/.618/.813): of
    the 207,801 pooled records only the 1,000 FAERS ones can hold a decade or a group
    (16 and 67), and a redrawn patient keeps its original's span. FAERS links
    (``bench/faers_links.py``): unchanged at 0.5, 0.9 and 0.99 (135 flagged at 0.9, R
    .968, headline P .822).

The duplicate share of the u correction estimated from the scored pairs (issue 16,
eleventh session; ``duplicates.share``): EM's fixed point for ``λ`` over the scored
pairs' Bayes factors, the u corrected with it and the pairs scored again when a weight
moves by 0.01 bits; the same-product correction counts ``s n / 2`` duplicate pairs (it
counted ``s n``). Same command and records, load 12.4 / 11.7 (wall 419 s):

    model           P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.99  CPU s  RSS
    age spans       .791/.869/.828   .879/.797/.836   .943/.670    42.6   2.22 GB
    share estimated .791/.869/.828   .879/.797/.836   .943/.670    56.7   2.22 GB

    the same pairs flagged at every threshold; estimated share .130 (the bench's truth
    .10). DiAna sample: .065, ours at 0.5 24 (unchanged; "same suspect products, most
    reaction terms in common" +16.3 -> +17.0 bits, u at its floor). FAERS links: .084,
    unchanged at 0.5, 0.9 and 0.99. The cost is the second ``predict`` (and the load).

Two infants' ages (issue 16, eleventh session; ``age_levels.INFANTS_APART``): exact ages
both under a year are "infant ages within a month" (an agreement) or "no agreement
(infant ages more than a month apart)" (a graded disagreement: two infants of one
schedule, 2 and 6 months), each with its own m and u, where both had been "ages within
1 year". Same command and records, load 9.3 / 14.0 (wall 450 s):

    model            P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.99  CPU s  RSS
    share estimated  .791/.869/.828   .879/.797/.836   .943/.670    56.7   2.22 GB
    infants' ages    .794/.869/.830   .880/.797/.836   .944/.670    61.8   2.23 GB

    flagged at 0.5 5,489 -> 5,470, at 0.9 4,534 -> 4,528; recall by kind unchanged
    (.945/.889/.618/.813); false alarms at 0.9 between two real VAERS reports 367 ->
    362 (ages differ 56 -> 52); adjudicated P at 0.9 .879/.888/.896 -> .880/.889/.897.
    The bench's copies move an age by a whole year, so no copy of an infant meets the
    new levels. FAERS links: unchanged (share .084; 0.9: 135 flagged, R .968, headline
    P .822).

The estimated share weighs the pairs scored once (issue 16, twelfth session;
``detect._weighed_sql``): the second ``predict`` of the estimated share re-ran every
comparison of 0.68M pairs to change only ``u``; the comparison vectors (and the
term-frequency columns) of the first are now weighed again in SQL with the second
assembly's parameters. ``--home /tmp/dv16-bench --sizes 100000 --dump``, same records,
main 298b8fc then the change, load 4.2 / 6.5 and 3.9 / 6.4:

    model            P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.99  CPU s  RSS
    scored twice     .794/.869/.830   .880/.797/.836   .944/.670    59.9   2.23 GB
    weighed again    .794/.869/.830   .880/.797/.836   .944/.670    47.9   2.23 GB

    the same 7,098 pairs at 0.1 and above, probabilities equal within 1e-14, each
    fact's weight within 3e-14 bits (the test's tolerance: 1e-9 bits against a fresh
    splink prediction); recall by kind at 0.9 unchanged (.945/.889/.618/.813); share
    .1286 both. FAERS links (``bench/faers_links.py``): unchanged (share .084; 0.9: 135
    flagged, R .968, headline P .822; 7 s CPU both).

An age in decades (issue 16, twelfth session; ``age_levels.SAME_DECADE``, the blocking
part ``decade``): "7 DEC" against "7 DEC" or an exact age in the seventies is "same
decade" (prior m .012 / u .002, taken from "age and age group compatible"), and the
product-reaction families refine a crowded key by the decade of the age besides the
event month and the year of birth, which a decade-only report lacks. Same command and
records (``--dump``), load 17.7 / 23.5 (wall times are not speed figures):

    model             P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.99  CPU s  RSS
    weighed again     .794/.869/.830   .880/.797/.836   .944/.670    47.9   2.23 GB
    decades           .793/.869/.830   .880/.797/.837   .944/.670    46.4   2.32 GB

    bounded pairs 13.6M -> 20.5M, candidates 4.68M -> 6.03M, scored 679,313 -> 680,639;
    true pairs kept by blocking .981 -> .982, after pruning .975 -> .976; recall by kind
    at 0.9 .945/.889/.618/.813 -> .945/.889/.619/.813 (the pool's decade ages are 16
    FAERS reports: the gain is the decade key pairing copies whose age moved a year and
    whose date is gone). FAERS links (``bench/faers_links.py``): 8,862 -> 9,127 pairs
    scored, unchanged at 0.5, 0.9 and 0.99 (share .0840); 17 scored pairs reach "same
    decade" (u .00096 from random pairs, 3.6 bits), the one version link with decades
    ("10-19" both) at p .998 among them, none of the other 16 above .49.

What would raise the other reporter's recall (issue 16, twelfth session; the 100k records
of main 298b8fc's ``--dump``, all 679,313 scored pairs read at threshold 0). Of the 1,632
"other reporter" pairs 1,009 are found at 0.9, 541 scored below, 82 not scored. Of the
541, the event date is missing on one side in 393 (of the 1,009 found: 200) and the age in
268 (296); 148 give both days, 90% of them within 3 days (at "same day" 81, "within 7
days" 67); the reactions meet at "same first suspect product and the same reaction terms"
308, "most in common" 140, "all in the other's" 92, the Jaccard similarity of the two
reaction sets median 1.0 (10th percentile .50). The 5,271 pairs of two patients scored
.01-.9 look the same: reaction Jaccard median 1.0 (a redrawn patient keeps its original's
products and reactions), and of those with both days half on the same day, 75% within 6
days. So neither a set similarity of the reactions nor an event-date window tells the
copies from the hard negatives better than the present levels do. A bound for any
re-weighting of the present comparisons: each comparison vector's share of true pairs,
learnt on a random half of the scored pairs and applied to the other half, reaches R .788
at P .90 and .692 at P .95, where the model reaches .781 and .682 on that half: the model
is within .01 of what its comparisons can tell. More recall here needs a fact the copies
keep and two patients of one product and day do not share (a narrative, the vaccination
or received date), not another weighing; left open.

What real duplicates share beyond the compared facts (issue 16, thirteenth session;
``bench/vaers_link_facts.py`` reads the VAERS 1990-2006 files directly, no model change).
The facts the literature names for another reporter's copy (Noren et al. 2007, Kreimeyer
et al. 2017) are the narrative, the dates of vaccination and of receipt, the lot and the
reporter's country; the lot and the state are compared, the store keeps no narrative or
vaccination date. Read on the 123 plausible pairs under one manufacturer number
(``bench/vaers_links.py``: one sender's case filed twice, real duplicates) against the
8,118 pairs of one sender's two numbers (two patients by the sender's count) of one vaccine
set, state and onset (else vaccination) day:

    fact                                            123 links    8,118 two patients
    vaccination date given on both sides            58 (.47)     7,384 (.91)
      the same day (of those given on both)         31 (.53)     3,858 (.52)
    onset day missing on one side, vaccination      5 (.04)      1,027 (.13)
      day the same
    one onset day, two vaccination days             3 (.02)      3,036 (.37)
      ... and two onset latencies (NUMDAYS)         3            3,036
    narratives' words, Jaccard >= .8                26 (.21)     1,913 (.24)
                       Jaccard >= .5                56 (.46)     2,937 (.36)
    received on the same day                        28 (.23)     5,250 (.65)

Given on both sides, the vaccination day agrees as often in a case and its follow-up as in
two patients of one sender and day (.53 / .52: a follow-up corrects it, 5 of the 27 within a
week, 11 within a month); where it tells two patients of one onset day apart, their onset
latencies, which the model compares, do too (3,036 of 3,036). It would add at most the 5
links whose onset day is missing on one side. A narrative is as alike between one clinic's
two patients (a copied text) as between a case and its follow-up. "Received on other days"
(.77 against .35, about 1.1 bits on these pairs) describes a follow-up by its nature, and
the bench's records hold no received date to measure it on another reporter's copy. None
is a fact the copies keep and two patients of one product and day do not share, so no
comparison is added; the other reporter's recall stays .619 at 0.9.

Which threshold meets which precision (issue 16, thirteenth session; the curve now also
at 0.98, 0.995 and 0.999, ``bench/faers_links.py`` at 0.95 and 0.995). 100k, the baseline
run above (main ab7dcc1): P/R at 0.95 .894/.762, 0.98 .928/.708, 0.99 .944/.670, 0.995
.956/.633, 0.999 .974/.522; so P .90 needs about 0.98 and .95 about 0.995. FAERS links:
headline P .891 / .822 / .796 / .750 / .730 and links 31 / 30 / 30 / 28 / 27 at 0.5 / 0.9 /
0.95 / 0.99 / 0.995: the headline falls with the threshold (one event filed by two firms
scores .5-.99). The thresholds suggested stay 0.5 (saved) and 0.9 (listed); the reasons
in ``docs/design-notes.md``.

1M with the decade-refined blocking keys (issue 16, thirteenth session; main ab7dcc1's
model, ``--sizes 1000000 --light``, load 20.2 -> 14.9, the run reniced from 19 to 0 midway
so it could end): detection 2,507 s wall / 498 s CPU, peak RSS 4.20 GB; bounded pairs
231.7M, candidates 92.8M, scored 6.93M after pruning (1e1ac90, before the decade keys and
the later comparisons: 198M / 85.2M / 7.03M, 513 s CPU, 4.13 GB; the last session's
quiet run 449 s CPU, 4.08 GB). So the decade keys cost ~17% more bounded pairs and ~9% more
candidates at 1M, and no measurable CPU or memory beyond the load's spread: the 15-minute
target is met in CPU (8.3 min), not in wall time on this machine (blocking alone took
1,695 s wall at load ~20). P/R/F1 at 0.5 .666/.801/.727, at 0.9 .794/.706/.747 (1e1ac90:
.666/.712), at 0.99 .940/.559, at 0.995 .953/.511; recall by kind at 0.9 exact .901,
follow-up .823, other reporter .479, typos .719.

The regulatory authority's case number (issue 16, fifteenth session; FAERS ``auth_num``
in the store, faers-8; compared and blocked on, ``duplicates.number_levels``). The bench
store is rebuilt (``STORE_VERSION``); a record drawn again as another patient carries no
authority number and another real report's doses; a copy keeps the authority number where
it keeps the sender's number (:data:`NUMBER_RATES`). Of the 207,801 pool reports only the
2025Q4 sample's 160 give one, so this truth barely meets the comparison: 100k, same command,
main 90cd60a before (load 2.9 -> 14.4) and after (load 17.0 -> 12.7):

    run     detect wall / CPU    RSS       P/R/F1 at 0.5    P/R/F1 at 0.9    P/R at 0.99
    before  140.8 s / 45.8 s     2,328 MiB .793/.869/.830   .880/.797/.837   .944/.670
    after   162.8 s / 48.2 s     2,344 MiB .794/.869/.830   .880/.797/.837   .944/.670

(4,528 -> 4,529 pairs at 0.9; the authority family 6 bounded pairs, 0.001 of the true
pairs kept; scored pairs 680,639 both.) DiAna second opinion: its sample's 39 authority
numbers (``sample_Demo_Supp.csv``, now read) are all different; ours at 0.5 23, both 1,
DiAna only 5, ours only 20, the same pairs as before. The FAERS links are the truth that
holds the number: see ``bench/faers_links.py`` (at 0.9 12 more pairs flagged, all of one
authority case; headline P .837 -> .850 reading ``auth_num``, .822 -> .782 blind to it;
version links 30/31 both).

The narrative, read only between reports received more than a week apart (issue 16,
twentieth session; ``duplicates.model`` fact ``narrative``: half the words of the two
reports' own texts in common, ten or more, held at no evidence between two reports
received within a week, one sender's batch copying one text into each patient's report;
the store keeps VAERS SYMPTOM_TEXT, importer vaers-6, so the bench store is rebuilt).
Copies carry no narrative (no published rate of how often a copy keeps it), so here the
narrative weighs only between two real VAERS reports, which the bench counts false.
``--sizes 10000``, main 6c26945 (load 3.5) against three variants (load 6-8): held for
reports received the same day, within a week, and within a week with ten words in
common (landed):

    model              detect wall / CPU   RSS       P/R/F1 at 0.5   P/R/F1 at 0.9   P/R at 0.99
    main               25.0 s / 18.2 s     1,021 MiB .932/.884/.908  .967/.818/.886  .973/.712
    + narrative, day   215.4 s / 33.1 s    1,327 MiB .934/.884/.909  .962/.820/.886  .970/.712
    + narrative, week  127.4 s / 32.1 s    1,330 MiB .925/.884/.904  .962/.820/.886  .973/.712
    + week, ten words  159.6 s / 32.9 s    1,323 MiB .931/.884/.907  .962/.818/.884  .973/.712

Of the week variant's 36 false alarms at 0.5 (``--dump``), 8 were flagged by the narrative
alone (weight 11.6 bits), 4 of them texts of two to twelve words (template wordings that
many patients' reports share); the ten-word floor leaves two (varicella texts of 30-odd
words received a year apart), one of them the only narrative-made false alarm at 0.9. At
0.9 the landed model flags 425 pairs against main's 423, the same 409 copies: 16 false
alarms against 14, 11 between two real VAERS reports against 10, the added one
"undetermined" by ``bench/vaers_adjudication.py`` (neither two cases by evidence nor one).
The CPU grows by ~15 s: splink's u sample (500k random pairs) and EM compare the word
lists. Real links: ``bench/vaers_links.py`` R at 0.9 .154 -> .276 with the precision lower
bound .007 -> .011 (figures there); ``bench/faers_links.py`` unchanged (FAERS has no
narrative in the store).

The narrative as a blocking key (issue 16, twenty-first session; a MinHash band of the
narrative's words, ``duplicates.narrative_blocking``). ``--sizes 10000 --light``, main vs
this, load 11-12 (wall times 5-7x the CPU's); 100k once, with the key, load 12.2 -> 7.7:

    size  model    wall / CPU          RSS        P/R/F1 at 0.5   P/R/F1 at 0.9
    10k   main     230.0 s / 38.3 s    1,319 MiB  .931/.884/.907  .962/.818/.884
          + key    258.3 s / 39.2 s    1,320 MiB  .931/.884/.907  .962/.818/.884
    100k  + key    446.6 s / 94.5 s    2,072 MiB  .800/.869/.833  .882/.796/.837

At 10k the key adds 155,165 bounded pairs (4,089 records lose a band over the cap:
template texts), candidates 396,701 -> 534,147, scored 65,883 -> 68,760; the curve moves
only at 0.7 and 0.8 (one false alarm fewer). The bench's copies carry no narrative, so it
can pair only real reports here. At 100k the key's family holds 1.86M of the 22.4M
bounded pairs; 693,427 pairs scored.

Each size runs in its own process (peak RSS of that process); the machine is shared
by 8 engineers on 2 cores, so times are upper bounds. Prints a table, the precision-
recall curve at several thresholds, and the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

DATA = Path(
    os.environ.get("DERMAVIGIL_SHARED_DATA")
    or Path(__file__).resolve().parents[2] / "shared" / "data"
)  # as dermavigil.settings reads it (a worktree outside /work has no ../shared)
SHARE = 0.05
"""Share of the records that are made duplicates (``--share``). VigiBase 2000-2010 held
about 2.5% duplicates (Tregunno et al. 2014, as a scoping review of duplication in
pharmacovigilance databases summarises it); precision falls with the share, since the
false alarms among real reports stay."""
THRESHOLDS = (0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999)
"""The precision-recall curve's thresholds: 0.5 and 0.9 are what the web saves and the CLI
lists by default; 0.98 and 0.995 are about where precision reaches .90 and .95 at 100k."""
DEFAULT_THRESHOLD = 0.5
AUDIT_THRESHOLD = 0.9
"""False alarms between two real VAERS reports at this threshold are checked against the
VAERS files (vaers_audit)."""

# Kinds of duplicate and their share of all duplicates (assumptions, see the docstring).
KINDS = {"follow_up": 0.4, "other_reporter": 0.35, "errors": 0.25}
# Per-field perturbation rates by kind (assumptions, see the docstring).
RATES = {
    "follow_up": {
        "add_reaction": 0.6,
        "age_missing": 0.1,
        "event_missing": 0.1,
        "outcome_fatal": 0.02,  # the patient died after the first report
    },
    "other_reporter": {
        "drop_reaction": 0.5,
        "age_shift": 0.2,
        "age_missing": 0.3,
        "country_missing": 0.2,
        "region_missing": 0.2,
        "lot_missing": 0.4,
        "rename_product": 0.3,
        "event_shift": 0.2,
        "event_missing": 0.3,
    },
    "errors": {
        "typo_product": 0.3,
        "typo_reaction": 0.3,
        "typo_lot": 0.3,
        "sex_missing": 0.1,
        "event_missing": 0.3,
        "age_missing": 0.2,
    },
}


STORE_VERSION = "vaers-6 faers-8"
"""Importer versions the bench store must be built with (region and lot; the
manufacturer's report number, 2026-12-05; the last day of a partial event date, the
seventh session; the unit or group of an age, the eleventh; the authority's case number
and the doses, the fifteenth; the report's own text, VAERS SYMPTOM_TEXT, the twentieth)."""

NUMBER_RATES = {
    "follow_up": {"missing": 0.3, "other_sender": 0.0},
    "other_reporter": {"missing": 0.7, "other_sender": 0.3},
    "errors": {"missing": 0.2, "other_sender": 0.0},
}
"""What becomes of the manufacturer's report number in a copy, by kind (assumptions,
like :data:`RATES`): a follow-up keeps its sender's number (ICH E2B(R3) C.1.1) unless it
came through another channel without one; the same event from another reporter has no
manufacturer number (a patient, a clinician) or a second company's own. A copy never
gets another number of its original's scheme. Drawn from a generator of their own, so
the other fields of every copy are those drawn before the number was added."""


def _ensure_store(home: Path) -> Path:
    """Import the shared VAERS, CAERS and FAERS data into ``home`` once (again when the
    store was built by older importers: :data:`STORE_VERSION`)."""
    store = home / "store"
    marker = home / "bench-store-version"
    current = marker.read_text() if marker.exists() else ""
    if (store / "sources" / "vaers" / "CURRENT").exists() and current == STORE_VERSION:
        return store
    env = {**os.environ, "DERMAVIGIL_HOME": str(home)}
    cli = [sys.executable, "-c", "from dermavigil.cli.app import main; main()", "import"]
    for args in (
        ["vaers", str(DATA / "vaers_1990_2006_official_zips")],
        ["caers", str(DATA / "caers_openebgm_subset" / "caers.csv")],
        ["faers", str(DATA / "faers_2025q4_sample")],
    ):
        subprocess.run([*cli, *args], env=env, check=True, capture_output=True)
    marker.write_text(STORE_VERSION)
    return store


DUPLICATE_KINDS = {
    "follow_up": "follow-up",
    "other_reporter": "other reporter (manufacturer vs patient)",
    "errors": "typos and missing fields",
}
"""Names of the perturbation kinds in the breakdown; a copy that no perturbation
changed on a compared fact is an "exact copy" whatever its kind."""

FIELDS = (
    "add_reaction", "drop_reaction", "typo_reaction", "rename_product", "typo_product",
    "age_missing", "age_shift", "sex_missing", "outcome_fatal", "region_missing",
    "lot_missing", "typo_lot", "country_missing", "event_missing", "event_shift",
)  # fmt: skip
"""The perturbations of :data:`RATES`, one column of draws each (a rate a kind lacks is 0)."""

DRAWS = (
    "u_added", "u_dropped", "u_term", "u_term_at", "u_product_at", "u_lot_at", "u_days",
)  # fmt: skip
"""Further uniform draws of a copy: which term is added, dropped or mistyped, where a
typo falls in a product, a term or a lot, and by how many days an event moves."""

_TYPO = (
    "CASE WHEN {t} IS NULL OR length({t}) < 4 THEN {t} ELSE "
    "substr({t}, 1, {i}) || substr({t}, {i} + 2, 1) || substr({t}, {i} + 1, 1) || "
    "substr({t}, {i} + 3) END"
)
"""SQL: text ``t`` with the characters at 0-based ``i`` and ``i + 1`` swapped (``i`` drawn
in ``[1, len - 3]``), unchanged below 4 characters: a transposition, the commonest typo."""


def _typo_sql(text: str, u: str) -> str:
    at = f"(1 + CAST(floor({u} * greatest(length({text}) - 3, 1)) AS INTEGER))"
    return _TYPO.format(t=text, i=at)


def _age_text(age: str) -> str:
    return f"format('{{:g}} years', {age})"


def _birth_year(age: str, event: str, old_birth: str, old_age: str) -> str:
    """SQL: ``birth_year`` derived again the way the store derives it (the event's, else
    the report's, year minus the age): a perturbed or another patient's age or date moves
    it, a missing age removes it. (Before 2026-12-05 the copy kept the original's birth
    year whatever happened to its age, which flattered blocking on it.)"""
    return (
        f"CASE WHEN {age} IS NULL THEN NULL "
        f"WHEN {event} IS NOT NULL THEN year({event}) - CAST(trunc({age}) AS INTEGER) "
        f"WHEN {old_birth} IS NOT NULL AND {old_age} IS NOT NULL "
        f"THEN {old_birth} + CAST(trunc({old_age}) AS INTEGER) - CAST(trunc({age}) AS INTEGER) "
        "END"
    )


def _sampled_sql() -> str:
    """SQL: the sampled records; a record drawn again is *another patient* with the same
    products and reactions: another age (+-30 years), sex and event date (+-400 days),
    and the region, lots and doses of another real report of the same first suspect
    product (lots circulate per product, so another patient given the same vaccine may
    well share its lot; a drug's usual dose is another patient's too), no authority's
    case number (an authority gives each case its own), and another number of that
    report's sender (its numbering scheme, other
    digits: a sender gives each case its own number, E2B(R3) C.1.8.1, so two patients
    never share one; the report's own number when that report is itself)."""
    age = "least(greatest(p.age_years + d.age_step, 0), 100)"
    new_age = f"CASE WHEN d.again AND p.age_years IS NOT NULL THEN {age} ELSE p.age_years END"
    day = "CASE WHEN d.again THEN p.event_low + CAST(d.day_step AS INTEGER) ELSE p.event_low END"
    mine = "(NOT d.again OR d.other = d.k)"
    # another number of that report's sender: its last run of digits (up to 9) moved by
    # 1 + i mod (10^len - 1), so the scheme stays and no two patients share a number
    run = "regexp_extract(o.report_number, '([0-9]{1,9})[^0-9]*$', 1)"
    span = f"CAST(pow(10, length({run})) AS BIGINT)"
    digits = (
        f"lpad(CAST((CAST({run} AS BIGINT) + 1 + d.i % ({span} - 1)) % {span} AS VARCHAR), "
        f"CAST(length({run}) AS INTEGER), '0')"
    )
    theirs = (
        f"CASE WHEN length({run}) > 0 THEN regexp_replace(o.report_number, "
        f"'([0-9]{{1,9}})([^0-9]*)$', {digits} || '\\2') END"
    )
    return f"""
        WITH s AS (
            SELECT d.*, p.* EXCLUDE (unique_id, age_years, event_low, sex, region, lots,
                                     report_number, number_scheme, authority_number,
                                     authority, doses),
                p.unique_id AS origin, p.age_years AS old_age, p.birth_year AS old_birth,
                {new_age} AS age_years, {day} AS event_low,
                CASE WHEN d.again AND p.sex IS NOT NULL THEN d.sex_draw ELSE p.sex END AS sex,
                CASE WHEN d.again THEN o.region ELSE p.region END AS region,
                CASE WHEN d.again THEN o.lots ELSE p.lots END AS lots,
                CASE WHEN d.again THEN o.doses ELSE p.doses END AS doses,
                CASE WHEN d.again THEN NULL ELSE p.authority_number END AS authority_number,
                CASE WHEN d.again THEN NULL ELSE p.authority END AS authority,
                CASE WHEN {mine} THEN
                    CASE WHEN d.again THEN NULL ELSE p.report_number END
                    ELSE {theirs} END AS report_number,
                CASE WHEN {mine} THEN
                    CASE WHEN d.again THEN NULL ELSE p.number_scheme END
                    WHEN {theirs} IS NOT NULL THEN o.number_scheme END AS number_scheme
            FROM draws d JOIN pool p ON p._row = d.k JOIN pool o ON o._row = d.other
        )
        SELECT printf('b%07d', i) AS unique_id, CASE WHEN again THEN NULL ELSE origin END
            AS origin, * EXCLUDE (i, k, again, other, age_step, day_step, sex_draw, origin,
                                  old_age, old_birth, _row, birth_year, age, age_low,
                                  age_high, event_date, event_high),
            CASE WHEN again AND age_years IS NOT NULL THEN {_age_text("age_years")}
                 ELSE age END AS age,
            CASE WHEN again AND age_years IS NOT NULL THEN greatest(age_years - 0.5, 0)
                 ELSE age_low END AS age_low,
            CASE WHEN again AND age_years IS NOT NULL THEN age_years + 0.5
                 ELSE age_high END AS age_high,
            CASE WHEN again THEN strftime(event_low, '%Y-%m-%d') ELSE event_date END
                AS event_date,
            CASE WHEN again THEN event_low ELSE event_high END AS event_high,
            CASE WHEN again THEN {_birth_year("age_years", "event_low", "old_birth", "old_age")}
                 ELSE birth_year END AS birth_year
        FROM s
    """


def _copies_sql() -> str:
    """SQL: the made duplicates, each perturbation applied where its draw is below the
    kind's rate (:data:`RATES`; the draws are columns of ``copies``), the report number by
    :data:`NUMBER_RATES`, a third filed under another source. The authority's case number
    goes where the sender's number goes (missing where the channel gave none: a patient's
    direct report; kept by a follow-up and by a second firm forwarding the authority's
    case); the doses are kept, but for those of a renamed product; a copy carries no
    narrative (VAERS SYMPTOM_TEXT: no evidence either way), so the narrative weighs only
    between real reports here (assumptions: no published per-field rate at hand)."""
    terms = (
        "CASE WHEN hit_add_reaction THEN list_append(coalesce(o.reaction_terms, []), "
        "added) ELSE coalesce(o.reaction_terms, []) END"
    )
    drop_at = "1 + CAST(floor(u_dropped * len(t1)) AS INTEGER)"
    dropped = (
        f"CASE WHEN hit_drop_reaction AND len(t1) > 1 "
        f"THEN list_filter(t1, lambda x, j: j != {drop_at}) ELSE t1 END"
    )
    term_at = "1 + CAST(floor(u_term * len(t2)) AS INTEGER)"
    mistyped = (
        f"CASE WHEN hit_typo_reaction AND len(t2) > 0 THEN list_transform(t2, "
        f"lambda x, j: CASE WHEN j = {term_at} THEN {_typo_sql('x', 'u_term_at')} ELSE x END)"
        " ELSE t2 END"
    )
    first = "o.suspect_products[1]"
    renamed = (
        f"CASE WHEN kind = 'other_reporter' THEN renamed "
        f"ELSE {_typo_sql(first, 'u_product_at')} END"
    )
    changed = (
        "(len(coalesce(o.suspect_products, [])) > 0 AND (hit_rename_product OR hit_typo_product))"
    )
    age_shift = "(NOT hit_age_missing AND hit_age_shift AND o.age_years IS NOT NULL)"
    event_shift = "(NOT hit_event_missing AND hit_event_shift AND o.event_low IS NOT NULL)"
    new_age = (
        f"CASE WHEN hit_age_missing THEN NULL WHEN {age_shift} THEN o.age_years + 1 "
        "ELSE o.age_years END"
    )
    new_day = (
        f"CASE WHEN hit_event_missing THEN NULL WHEN {event_shift} THEN o.event_low + "
        "(1 + CAST(floor(u_days * 3) AS INTEGER)) ELSE o.event_low END"
    )
    typo_lot = "(NOT hit_lot_missing AND hit_typo_lot AND len(coalesce(o.lots, [])) > 0)"
    return f"""
        WITH c1 AS (
            SELECT c.*, o.* EXCLUDE (unique_id, origin), o.unique_id AS original,
                {first} AS o_first,
                {terms} AS t1, {changed} AS changed, {renamed} AS new_first,
                {new_age} AS new_age, {new_day} AS new_day, {age_shift} AS shifted,
                {event_shift} AS moved, {typo_lot} AS lot_typo
            FROM copies c JOIN sampled o ON o.unique_id = c.original_id
        ), c2 AS (SELECT *, {dropped} AS t2 FROM c1
        ), c3 AS (SELECT *, {mistyped} AS t3 FROM c2)
        SELECT printf('d%07d', j) AS unique_id, NULL AS origin,
            CASE WHEN j % 3 = 0 THEN list_filter(['registry', 'vaers', 'faers', 'caers'],
                lambda s: s != source)[1] ELSE source END AS source,
            CASE WHEN hit_sex_missing THEN NULL ELSE sex END AS sex,
            CASE WHEN hit_age_missing THEN NULL WHEN shifted THEN {_age_text("new_age")}
                 ELSE age END AS age,
            new_age AS age_years,
            CASE WHEN hit_age_missing THEN NULL WHEN shifted THEN new_age - 0.5
                 ELSE age_low END AS age_low,
            CASE WHEN hit_age_missing THEN NULL WHEN shifted THEN new_age + 0.5
                 ELSE age_high END AS age_high,
            CASE WHEN hit_country_missing THEN NULL ELSE country END AS country,
            CASE WHEN changed THEN list_sort(list_distinct(list_prepend(new_first,
                suspect_products[2:]))) ELSE suspect_products END AS suspect_products,
            CASE WHEN changed THEN new_first ELSE first_suspect END AS first_suspect,
            suspect_routes,
            CASE WHEN changed THEN list_sort(list_distinct(coalesce(product_words, []) ||
                list_filter(string_split(new_first, ' '), lambda w: length(w) >= 3)))
                ELSE product_words END AS product_words,
            product_categories,
            nullif(list_sort(list_distinct(t3)), []) AS reaction_terms,
            nullif(list_sort(list_distinct(list_filter(flatten(list_transform(t3,
                lambda t: string_split_regex(replace(t, '-', ' '), '\\s+'))),
                lambda w: length(w) >= 3 AND regexp_full_match(w, '\\p{{L}}+')))), [])
                AS reaction_words,
            body_sites, treatments, onset_latency_days,
            CASE WHEN new_day IS NULL THEN NULL WHEN moved THEN strftime(new_day, '%Y-%m-%d')
                 ELSE event_date END AS event_date,
            new_day AS event_low,
            CASE WHEN new_day IS NULL THEN NULL WHEN moved THEN new_day ELSE event_high END
                AS event_high,
            publication_ids, publication_id, signature, rare_terms, initials,
            {_birth_year("new_age", "new_day", "birth_year", "age_years")} AS birth_year,
            CASE WHEN hit_region_missing THEN NULL ELSE region END AS region,
            CASE WHEN hit_lot_missing THEN NULL
                 WHEN lot_typo THEN list_sort(list_distinct(list_prepend(
                     {_typo_sql("lots[1]", "u_lot_at")}, lots[2:])))
                 ELSE lots END AS lots,
            CASE WHEN hit_outcome_fatal AND outcome = 'not fatal' THEN 'fatal' ELSE outcome END
                AS outcome,
            CASE WHEN n_missing THEN NULL ELSE report_number END AS report_number,
            CASE WHEN n_missing THEN NULL ELSE number_scheme END AS number_scheme,
            CASE WHEN n_missing THEN NULL ELSE authority_number END AS authority_number,
            CASE WHEN n_missing THEN NULL ELSE authority END AS authority,
            CASE WHEN changed THEN nullif(list_filter(doses, lambda d: split_part(d, '|', 1)
                != o_first), []) ELSE doses END AS doses,
            -- how often a copy keeps its original's text is nowhere published: none here
            CAST(NULL AS VARCHAR[]) AS narrative_words, received,
            original, kind, n_missing, n_other
        FROM c3
    """


def synthetic(
    pool: pa.Table,
    n: int,
    seed: int = 16,
    origins: dict | None = None,
    share: float = SHARE,
    kinds_of: dict | None = None,
) -> tuple[pa.Table, set, set]:
    """``n`` records: sampled real records plus ``share`` duplicates; (table, true pairs,
    cross-source true pairs). ``origins``, if given, is filled with each sampled record's
    pool id (``source:report_id``), ``None`` for a record drawn again (another patient);
    ``kinds_of``, if given, with each true pair's kind (:func:`duplicate_kind`).

    Vectorised (2026-12-05): every random choice is drawn up front as numpy arrays, one
    column per perturbation and record, and DuckDB applies them to the records; the
    records never become Python objects. The rates are those of :data:`RATES` and
    :data:`NUMBER_RATES`; the draws come in another order than the per-record loop's
    that this replaced, so one seed makes other records with the same distribution."""
    from dermavigil.duplicates.detect import duckdb_config, with_rare_terms
    from dermavigil.duplicates.features import FEATURE_SCHEMA
    from dermavigil.ingest.normalize import product_key

    rng = np.random.default_rng(seed)
    size = pool.num_rows
    n_dup = int(n * share)
    picks = rng.integers(size, size=n - n_dup)
    again = np.ones(len(picks), dtype=bool)
    again[np.unique(picks, return_index=True)[1]] = False
    # another real report of the same first suspect product (null: one group of its own)
    group = pc.dictionary_encode(pool["first_suspect"]).combine_chunks().indices
    group = pc.fill_null(group, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    order = np.argsort(group, kind="stable")
    keys, starts, counts = np.unique(group[order], return_index=True, return_counts=True)
    g = np.searchsorted(keys, group[picks])
    other = order[
        starts[g] + np.minimum((rng.random(len(picks)) * counts[g]).astype(np.int64), counts[g] - 1)
    ]
    draws = pa.table({
        "i": np.arange(len(picks)),
        "k": picks,
        "again": again,
        "other": other,
        "age_step": rng.integers(-30, 31, size=len(picks)),
        "day_step": rng.integers(-400, 400, size=len(picks)),
        "sex_draw": rng.choice(["female", "male"], size=len(picks)),
    })  # fmt: skip
    kinds = rng.choice(list(KINDS), size=n_dup, p=list(KINDS.values()))
    chosen = rng.choice(len(picks), n_dup, replace=False)
    hits = {
        f"hit_{f}": rng.random(n_dup) < np.array([RATES[k].get(f, 0.0) for k in kinds])
        for f in FIELDS
    }
    extra = {name: rng.random(n_dup) for name in DRAWS}
    terms = pc.unique(pc.list_flatten(pool["reaction_terms"])).sort()
    # the report number from a generator of its own (NUMBER_RATES)
    nrng = np.random.default_rng([seed, 1])
    missing = nrng.random(n_dup) < np.array([NUMBER_RATES[k]["missing"] for k in kinds])
    other_share = np.array(
        [NUMBER_RATES[k]["other_sender"] / (1 - NUMBER_RATES[k]["missing"]) for k in kinds]
    )
    other_sender = ~missing & (nrng.random(n_dup) < other_share)
    company = nrng.integers(10**7, 10**8, size=n_dup)
    con = duckdb.connect(config=duckdb_config())
    try:
        con.register("pool", pool.append_column("_row", pa.array(np.arange(size))))
        con.register("draws", draws)
        con.execute(f"CREATE TEMP TABLE sampled AS {_sampled_sql()}")
        ids = np.char.mod("b%07d", chosen)
        # another reporter names the product with its strength; the store keeps the
        # normalised key of what was written (as an import of that report would)
        firsts = con.execute(
            "SELECT unique_id, suspect_products[1] FROM sampled WHERE unique_id IN "
            "(SELECT unnest($1))",
            [ids[(kinds == "other_reporter") & (hits["hit_rename_product"])].tolist()],
        ).fetchall()
        renamed_of = {u: product_key(f"{f} 10 mg") if f else None for u, f in firsts}
        copies = pa.table({
            "j": np.arange(n_dup),
            "original_id": ids,
            "kind": kinds,
            "added": terms.take(pa.array((extra["u_added"] * len(terms)).astype(np.int64))),
            "renamed": [renamed_of.get(u) for u in ids],
            "n_missing": missing,
            "n_other": other_sender,
            "company": company,
            **hits,
            **{k: v for k, v in extra.items() if k != "u_added"},
        })  # fmt: skip
        con.register("copies", copies)
        con.execute(f"CREATE TEMP TABLE made AS {_copies_sql()}")
        # another sender's number, of its own scheme (never the original's scheme)
        con.execute(
            "UPDATE made SET report_number = 'OTHERCO' || CAST(c.company AS VARCHAR), "
            "number_scheme = 'OTHERCO99999999' FROM copies c "
            "WHERE made.unique_id = printf('d%07d', c.j) AND made.n_other "
            "AND made.report_number IS NOT NULL"
        )
        names = [f.name for f in FEATURE_SCHEMA]
        signature = (
            "CASE WHEN first_suspect IS NOT NULL AND reaction_terms IS NOT NULL THEN "
            "array_to_string(list_prepend(first_suspect, reaction_terms), chr(31)) END"
        )
        select = ", ".join(
            signature + " AS signature" if c == "signature"
            else f"CAST(NULL AS {'VARCHAR[]' if c == 'publication_ids' else 'VARCHAR'}) AS {c}"
            if c in ("publication_ids", "publication_id") else c
            for c in names
        )  # fmt: skip
        table = con.sql(
            f"SELECT {select} FROM (SELECT {', '.join(names)} FROM sampled "
            f"UNION ALL BY NAME SELECT {', '.join(names)} FROM made) ORDER BY unique_id"
        ).to_arrow_table()
        compared = " AND ".join(f"m.{c} IS NOT DISTINCT FROM o.{c}" for c in COMPARED)
        pairs = con.execute(
            f"SELECT m.original, m.unique_id, m.kind, {compared}, m.source <> o.source "
            "FROM made m JOIN sampled o ON o.unique_id = m.original ORDER BY m.unique_id"
        ).fetchall()
        if origins is not None:
            origins.update(con.execute("SELECT unique_id, origin FROM sampled").fetchall())
    finally:
        con.close()
    truth = {(a, b) for a, b, *_ in pairs}
    cross = {(a, b) for a, b, _, _, moved in pairs if moved}
    if kinds_of is not None:
        for a, b, kind, same, _ in pairs:
            kinds_of[tuple(sorted((a, b)))] = "exact copy" if same else DUPLICATE_KINDS[kind]
    return with_rare_terms(table.cast(FEATURE_SCHEMA)), truth, cross


def _prf(flagged: set, truth: set) -> tuple[float, float, float]:
    tp = len(flagged & truth)
    p = tp / len(flagged) if flagged else float("nan")
    r = tp / len(truth) if truth else float("nan")
    f = 2 * p * r / (p + r) if flagged and tp else 0.0
    return p, r, f


def _pairs(scored: pa.Table, threshold: float) -> set:
    kept = scored.filter(pc.greater_equal(scored["match_probability"], threshold))
    a, b = kept["unique_id_l"].to_pylist(), kept["unique_id_r"].to_pylist()
    return {tuple(sorted(x)) for x in zip(a, b, strict=True)}


IDENTIFYING = ("age_years", "event_low", "birth_year", "initials")
"""Facts that identify the patient and the event rather than what happened (products,
reactions) or where (country), or a half of all patients (sex)."""


def indistinguishable(table: pa.Table, truth: set) -> set:
    """True pairs whose two reports share no identifying fact: on every one of
    :data:`IDENTIFYING` one side or the other is missing (the perturbation dropped it,
    or the real record never had it). Such a copy holds only the products, reactions,
    sex and country, which another patient's report of the same product and reactions
    holds too (the sampled record drawn again, or another real report): no comparison
    can tell them apart, whatever the model."""
    rows = {r["unique_id"]: r for r in table.select(["unique_id", *IDENTIFYING]).to_pylist()}
    return {
        pair
        for pair in truth
        if not any(
            rows[pair[0]][c] is not None and rows[pair[1]][c] is not None for c in IDENTIFYING
        )
    }


COMPARED = (
    "sex", "age_years", "event_low", "suspect_products", "reaction_terms", "region", "lots",
    "onset_latency_days", "outcome", "report_number", "authority_number",
)  # fmt: skip
"""The facts of the bench's records that the model compares (the rest are missing)."""


def twins(table: pa.Table, pairs: set) -> set:
    """Pairs of ``pairs`` whose two reports agree on every fact of :data:`COMPARED` that
    both hold: nothing in the records tells them apart (two patients of one clinic, one
    vaccine, lot and day, whose reports differ only in the narrative or the reporter's
    own case number), so a flag on them is a false alarm no comparison can avoid."""
    rows = {r["unique_id"]: r for r in table.select(["unique_id", *COMPARED]).to_pylist()}
    return {
        (a, b)
        for a, b in pairs
        if all(
            rows[a][c] is None or rows[b][c] is None or rows[a][c] == rows[b][c] for c in COMPARED
        )
    }


def ambiguous(table: pa.Table, truth: set) -> set:
    """True pairs that a third report matches as well: it agrees with the original on
    every fact of :data:`COMPARED` on which original and copy agree (both given, equal).
    The copy's evidence then points to that report as much as to its original (two
    infants of one clinic, vaccine, lot and day, and a copy that kept only those
    facts), so no model can single out the original: recall is also given without
    them (and without :func:`indistinguishable`'s)."""

    def key(value: object) -> object:
        return tuple(value) if isinstance(value, list) else value

    rows = {
        r["unique_id"]: {c: key(r[c]) for c in COMPARED}
        for r in table.select(["unique_id", *COMPARED]).to_pylist()
    }
    shared_of = {
        pair: tuple(
            c
            for c in COMPARED
            if rows[pair[0]][c] is not None and rows[pair[0]][c] == rows[pair[1]][c]
        )
        for pair in truth
    }
    counts: dict[tuple, dict[tuple, int]] = {}
    for shared in set(shared_of.values()):
        if not shared:
            continue
        tally: dict[tuple, int] = {}
        for r in rows.values():
            values = tuple(r[c] for c in shared)
            if None not in values:
                tally[values] = tally.get(values, 0) + 1
        counts[shared] = tally
    out = set()
    for pair, shared in shared_of.items():
        if not shared or counts[shared][tuple(rows[pair[0]][c] for c in shared)] > 2:
            out.add(pair)
    return out


def _vaers_id(origin: str | None) -> str | None:
    return origin.split(":", 1)[1] if (origin or "").startswith("vaers:") else None


def vaers_rows(pairs: set, origins: dict) -> dict:
    """The VAERSDATA rows of the sampled real VAERS reports among ``pairs``."""
    from vaers_adjudication import read_rows

    ids = {i for pair in pairs for u in pair if (i := _vaers_id(origins.get(u)))}
    return read_rows(DATA / "vaers_1990_2006_official_zips", ids)


def vaers_audit(pairs: set, origins: dict, rows: dict | None = None) -> dict:
    """What the VAERS files say of flagged pairs of two *sampled real* VAERS reports (the
    bench counts them false): VAERS publishes only the first report of a case it knows
    to be one (VAERS Data Use Guide), so such a pair is a duplicate VAERS missed, or two
    patients. Counts pairs whose ages (AGE_YRS), states (STATE), onset dates
    (ONSET_DATE) or manufacturer numbers (SPLTTYPE) are both given and differ, pairs
    whose narratives (SYMPTOM_TEXT) share >= 80% of their words (Jaccard), and the
    pairs per class of ``bench/vaers_adjudication.py``."""
    from vaers_adjudication import adjudicate, narratives_alike

    rows = vaers_rows(pairs, origins) if rows is None else rows
    out = {"pairs": 0, "ages differ": 0, "states differ": 0, "onsets differ": 0,
           "manufacturer numbers differ": 0, "narratives alike": 0}  # fmt: skip
    for a, b in pairs:
        ia, ib = _vaers_id(origins.get(a)), _vaers_id(origins.get(b))
        if not (ia and ib):
            continue
        ra, rb = rows[ia], rows[ib]
        out["pairs"] += 1
        for key, column in (("ages differ", "AGE_YRS"), ("states differ", "STATE"),
                            ("onsets differ", "ONSET_DATE"),
                            ("manufacturer numbers differ", "SPLTTYPE")):  # fmt: skip
            if ra[column] and rb[column] and ra[column] != rb[column]:
                out[key] += 1
        out["narratives alike"] += narratives_alike(ra, rb)
        klass, reason = adjudicate(ra, rb)
        out[f"{klass}: {reason}"] = out.get(f"{klass}: {reason}", 0) + 1
    return out


def adjudicated(flagged: set, truth: set, origins: dict, rows: dict) -> dict:
    """Precision of ``flagged`` strictly, and counting as true the flagged pairs of two
    sampled real VAERS reports that ``bench/vaers_adjudication.py`` finds to be one case
    by evidence ("evidence"), also the probable ones ("probable")."""
    from vaers_adjudication import ONE_CASE, PROBABLE, adjudicate

    classes: dict[str, int] = {}
    for a, b in flagged - truth:
        ia, ib = _vaers_id(origins.get(a)), _vaers_id(origins.get(b))
        if ia and ib:
            klass = adjudicate(rows[ia], rows[ib])[0]
            classes[klass] = classes.get(klass, 0) + 1
    n, tp = len(flagged) or 1, len(flagged & truth)
    one, probable = classes.get(ONE_CASE, 0), classes.get(PROBABLE, 0)
    return {"evidence": (tp + one) / n, "probable": (tp + one + probable) / n, **classes}


def blocking_recall(table: pa.Table, truth: set) -> tuple[dict, list]:
    """Per blocking family (and all together): the share of true pairs that share a
    bounded key, i.e. survive blocking; and the families' pair counts."""
    from dermavigil.duplicates.blocking import COLUMN, FAMILIES, block_keys, family_of

    keyed, counts = block_keys(table)
    keys = dict(zip(keyed["unique_id"].to_pylist(), keyed[COLUMN].to_pylist(), strict=True))
    kept: dict[str, set] = {f.name: set() for f in FAMILIES}
    for pair in truth:
        for key in set(keys[pair[0]] or ()) & set(keys[pair[1]] or ()):
            kept[family_of(key)].add(pair)
    union = set().union(*kept.values())
    recall = {name: len(v) / len(truth) for name, v in kept.items()}
    recall["all"] = len(union) / len(truth)
    recall["pruned"] = len(pruned_pairs(table) & truth) / len(truth)
    return recall, [c.model_dump() for c in counts]


def pruned_pairs(table: pa.Table) -> set:
    """The pairs a run scores: those sharing a bounded key, pruned to each record's
    heaviest (meta_blocking.block_pairs)."""
    from dermavigil.duplicates.detect import duckdb_config
    from dermavigil.duplicates.meta_blocking import block_pairs

    con = duckdb.connect(config=duckdb_config())
    try:
        con.register("records", table)
        block_pairs(con, "records", "pairs")
        rows = con.execute("SELECT join_key_l, join_key_r FROM pairs").fetchall()
    finally:
        con.close()
    return {tuple(sorted(r)) for r in rows}


def blocking_size(table: pa.Table, truth: set, n: int, pool: int, made: float) -> dict:
    """The blocking alone at size ``n``: time, CPU, peak memory, pairs and recall."""
    truth = {tuple(sorted(t)) for t in truth}
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    recall, counts = blocking_recall(table, truth)
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "n": n,
        "pool": pool,
        "true_pairs": len(truth),
        "make_s": made,
        "blocking_s": time.perf_counter() - started,
        "blocking_cpu_s": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
        "peak_rss_mib": after.ru_maxrss / 1024,
        "blocking_recall": recall,
        "blocking": counts,
    }


def one_size(
    home: Path,
    n: int,
    blocking_only: bool = False,
    share: float = SHARE,
    dump: Path | None = None,
    light: bool = False,
) -> dict:
    """Run size ``n`` (in this process) and return its figures (``blocking_only``: the
    blocking keys and their pairs and recall, without scoring; ``dump``: a folder to
    write the records, the scored pairs and the true pairs with their kinds to, as
    Parquet; ``light``: precision and recall only, without the diagnostics that hold
    every record in Python -- indistinguishable and ambiguous pairs, twins, blocking recall,
    the VAERS audit -- whose memory, not the detection's, stopped a 1M run at 16 GB)."""
    from dermavigil.duplicates.detect import score_table
    from dermavigil.duplicates.store_features import store_feature_table

    pool = store_feature_table(_ensure_store(home))
    pool = pool.filter(pc.invert(pc.is_null(pool["reaction_terms"])))
    started = time.perf_counter()
    # each sampled record's pool id: for the VAERS audit and the dump (a million-entry
    # dict is left out of a light run)
    origins: dict | None = {} if (dump is not None or not light) else None
    kinds_of: dict = {}
    table, truth, cross = synthetic(pool, n, origins=origins, share=share, kinds_of=kinds_of)
    made = time.perf_counter() - started
    if blocking_only:
        return blocking_size(table, truth, n, pool.num_rows, made)
    started = time.perf_counter()

    def progress(what: str, done: int, total: int) -> None:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"  [{time.perf_counter() - started:7.1f} s, peak {rss:,.0f} MiB] {what}",
            file=sys.stderr,
            flush=True,
        )

    cpu = resource.getrusage(resource.RUSAGE_SELF)
    scored, model = score_table(table, min(THRESHOLDS), progress)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    detect_rss = after.ru_maxrss / 1024  # the peak so far: records made and detection
    cpu_s = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    truth = {tuple(sorted(t)) for t in truth}
    cross = {tuple(sorted(t)) for t in cross}
    if light:
        no_fact, alike_third = set(), set()
    else:
        no_fact, alike_third = indistinguishable(table, truth), ambiguous(table, truth)
    hidden = no_fact | alike_third
    visible = truth - hidden
    block_recall = (
        {"all": float("nan"), "pruned": float("nan")} if light else blocking_recall(table, truth)[0]
    )
    if dump is not None:
        _dump(dump, n, table, scored, kinds_of, origins)
    kinds = sorted(set(kinds_of.values()))
    # the VAERS rows of the flagged pairs of two real VAERS reports, for the adjudication
    rows = {} if light else vaers_rows(_pairs(scored, min(THRESHOLDS)) - truth, origins)
    curve = {}
    for t in THRESHOLDS:
        flagged = _pairs(scored, t)
        p, r, f = _prf(flagged, truth)
        # false alarms on two reports that agree on every fact both hold (twins())
        alike = set() if light else twins(table, flagged - truth)
        pt, _, _ = _prf(flagged - alike, truth)
        # on what the data can tell apart: a flagged pair that is one of the
        # indistinguishable true pairs is neither a hit nor a false alarm there, nor a twin
        pv, rv, fv = _prf(flagged - hidden - alike, visible)
        # pairs with a made copy on one side: right or wrong for sure (two sampled real
        # reports may be a real, unlinked VAERS duplicate, counted false above)
        on_copies = {p for p in flagged if p[0].startswith("d") or p[1].startswith("d")}
        pc_, _, _ = _prf(on_copies, truth)
        curve[t] = {
            "precision": p,
            "recall": r,
            "f1": f,
            "pairs": len(flagged),
            "cross_recall": len(flagged & cross) / len(cross) if cross else None,
            "visible": {"precision": pv, "recall": rv, "f1": fv},
            "precision_on_copies": pc_,
            "twins": len(alike),
            "precision_without_twins": pt,
            "adjudicated": {} if light else adjudicated(flagged, truth, origins, rows),
            "recall_by_kind": {
                k: len({p for p in flagged & truth if kinds_of[p] == k})
                / max(1, sum(1 for v in kinds_of.values() if v == k))
                for k in kinds
            },
        }
    audit = {} if light else vaers_audit(_pairs(scored, AUDIT_THRESHOLD) - truth, origins, rows)
    return {
        "n": n,
        "pool": pool.num_rows,
        "true_pairs": len(truth),
        "make_s": made,
        "audit": audit,
        "detect_s": seconds,
        "detect_cpu_s": cpu_s,
        "detect_peak_rss_mib": detect_rss,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "curve": curve,
        "indistinguishable": len(hidden),
        "no_identifying_fact": len(no_fact),
        "ambiguous": len(alike_third),
        "blocking_recall": block_recall,
        "blocking": [c.model_dump() for c in model.blocking],
        "pruning": model.pruning.model_dump() if model.pruning else None,
        "em_used": [s.used for s in model.em_sessions],
        "pairs_by_kind": {k: sum(1 for v in kinds_of.values() if v == k) for k in kinds},
        "u_pairs": model.u_pairs,
        "duplicate_share": f"{model.duplicate_share:.4f} ({model.duplicate_share_from})",
    }


def _dump(
    folder: Path, n: int, table: pa.Table, scored: pa.Table, kinds_of: dict, origins: dict
) -> None:
    """Write size ``n``'s records, scored pairs and true pairs (with kinds) as Parquet."""
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, folder / f"records-{n}.parquet")
    keep = [c for c in scored.column_names if c.startswith(("gamma_", "w_"))]
    pq.write_table(
        scored.select(["unique_id_l", "unique_id_r", "match_probability", *keep]),
        folder / f"scored-{n}.parquet",
    )
    pq.write_table(
        pa.table(
            {
                "a": [p[0] for p in kinds_of],
                "b": [p[1] for p in kinds_of],
                "kind": list(kinds_of.values()),
            }
        ),
        folder / f"truth-{n}.parquet",
    )
    pq.write_table(
        pa.table({"unique_id": list(origins), "origin": list(origins.values())}),
        folder / f"origins-{n}.parquet",
    )


def diana(threshold: float) -> dict:
    """Our pairs vs DiAna's rule-based pairs within the DiAna sample, pair by pair."""
    from dermavigil.duplicates.detect import score_table, with_rare_terms
    from dermavigil.duplicates.store_features import features_of, with_optional_columns

    folder = DATA / "faers_diana_sample"
    con = duckdb.connect()
    con.sql(f"""
        CREATE TABLE reports AS SELECT 'faers' AS source, primaryid::VARCHAR AS report_id,
            try_strptime(nullif(event_dt::VARCHAR, ''), '%Y%m%d')::DATE AS event_date,
            try_strptime(fda_dt::VARCHAR, '%Y%m%d')::DATE AS received_date,
            coalesce(occr_country, reporter_country) AS country, sex,
            age_in_days / 365.25 AS age_years, CAST(NULL AS VARCHAR) AS literature,
            RB_duplicates AS rb, s.auth_num AS authority_number
        FROM read_csv('{folder / "sample_Demo.csv"}', all_varchar=false)
        LEFT JOIN (SELECT primaryid, min(auth_num) AS auth_num
                   FROM read_csv('{folder / "sample_Demo_Supp.csv"}') GROUP BY 1) s
            USING (primaryid)
    """)  # event_dt may be partial (yyyymm): those are left missing by strptime's failure;
    # auth_num, the regulatory authority's case number: 39 of the 1,000 give one, none shared
    con.sql(f"""
        CREATE TABLE products AS SELECT 'faers' AS source, primaryid::VARCHAR AS report_id,
            drug_seq AS seq, CASE WHEN role_cod IN ('PS', 'SS') THEN 'suspect' END AS role,
            lower(substance) AS product_key, CAST(NULL AS VARCHAR) AS category,
            CAST(NULL AS VARCHAR) AS route
        FROM read_csv('{folder / "sample_Drug.csv"}') WHERE role_cod IN ('PS', 'SS')
    """)
    con.sql(f"""
        CREATE TABLE reactions AS SELECT 'faers' AS source, primaryid::VARCHAR AS report_id,
            lower(pt) AS term_key, CAST(NULL AS DOUBLE) AS onset_days
        FROM read_csv('{folder / "sample_Reac.csv"}')
    """)
    table = features_of(
        con,
        with_optional_columns(con, "reports", "reports"),
        with_optional_columns(con, "report_products", "products"),
        "reactions",
    )
    table = with_rare_terms(table)
    diana_pairs = {
        tuple(sorted((f"faers:{a}", f"faers:{b}")))
        for a, b in con.sql(f"""
            WITH pts AS (SELECT primaryid, list_sort(list(DISTINCT pt)) p
                         FROM read_csv('{folder / "sample_Reac.csv"}') GROUP BY 1),
                 dr AS (SELECT primaryid, list_sort(list(DISTINCT substance)) s
                        FROM read_csv('{folder / "sample_Drug.csv"}') GROUP BY 1),
                 k AS (SELECT d.primaryid, d.sex, d.age_in_days, d.event_dt, d.occr_country,
                              pts.p, dr.s
                       FROM read_csv('{folder / "sample_Demo.csv"}') d
                       JOIN pts USING (primaryid) JOIN dr USING (primaryid))
            SELECT x.primaryid, y.primaryid FROM k x JOIN k y
              ON x.primaryid < y.primaryid AND x.p = y.p AND x.s = y.s
             AND x.sex IS NOT DISTINCT FROM y.sex
             AND x.age_in_days IS NOT DISTINCT FROM y.age_in_days
             AND x.event_dt IS NOT DISTINCT FROM y.event_dt
             AND x.occr_country IS NOT DISTINCT FROM y.occr_country
        """).fetchall()
    }
    flagged_rb = con.sql("SELECT count(*) FROM reports WHERE rb").fetchall()[0][0]
    con.close()
    scored, model = score_table(table, min(THRESHOLDS))
    ours = _pairs(scored, threshold)
    return {
        "reports": table.num_rows,
        "share": f"{model.duplicate_share:.4f} ({model.duplicate_share_from})",
        "rb_flagged_reports": flagged_rb,
        "diana_pairs_in_sample": sorted(diana_pairs),
        "ours": len(ours),
        "both": sorted(ours & diana_pairs),
        "diana_only": sorted(diana_pairs - ours),
        "ours_only": sorted(ours - diana_pairs)[:20],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=Path("/tmp/dv-bench"))
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--share", type=float, default=SHARE, help="share of records made duplicates"
    )
    parser.add_argument(
        "--blocking-only", action="store_true", help="time and count the blocking alone"
    )
    parser.add_argument(
        "--light",
        action="store_true",
        help="precision and recall only (no diagnostics holding every record in Python)",
    )
    parser.add_argument(
        "--dump", type=Path, help="folder to write each size's records and pairs to (Parquet)"
    )
    args = parser.parse_args()
    if args.one:
        out = one_size(args.home, args.one, args.blocking_only, args.share, args.dump, args.light)
        print(json.dumps(out, default=str))
        return
    import splink

    print(
        f"machine: {platform.platform()} | {os.cpu_count()} CPUs (shared by 8 engineers) | "
        f"Python {platform.python_version()} | splink {splink.__version__} | "
        f"duckdb {duckdb.__version__}"
    )
    print(
        "1. FAERS version links: see bench/faers_links.py (31 links across five quarters' "
        "samples and head slices; none within the shared data alone)."
    )
    _ensure_store(args.home)
    d = diana(DEFAULT_THRESHOLD)
    print(
        f"2. DiAna second opinion ({d['reports']} reports, {d['rb_flagged_reports']} flagged "
        f"RB_duplicates against all of FAERS): DiAna's key pairs {len(d['diana_pairs_in_sample'])} "
        f"in the sample; ours at {DEFAULT_THRESHOLD}: {d['ours']}; both {len(d['both'])}, "
        f"DiAna only {len(d['diana_only'])}, ours only {len(d['ours_only'])}; duplicate "
        f"share {d['share']}"
    )
    for label in ("both", "diana_only", "ours_only"):
        if d[label]:
            print(f"   {label}: {d[label]}")
    print(
        "3./4. Duplicates made from real VAERS/CAERS/FAERS records "
        f"({args.share:.1%} duplicates; kinds {KINDS})"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        load = os.getloadavg()
        out = subprocess.run(
            [sys.executable, __file__, "--home", str(args.home), "--one", str(n)]
            + ["--share", str(args.share)]
            + (["--dump", str(args.dump)] if args.dump else [])
            + (["--light"] if args.light else []),
            check=True,
            stdout=subprocess.PIPE,  # the progress lines (stderr) pass through
            text=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"\n{r['n']:,} reports: detect {r['detect_s']:.1f} s wall, "
            f"{r['detect_cpu_s']:.1f} s CPU (all threads), "
            f"peak RSS {r['peak_rss_mib']:,.0f} MiB ({r['detect_peak_rss_mib']:,.0f} MiB "
            f"after detection, before the diagnostics; load average before {load[0]:.1f}, "
            f"after {os.getloadavg()[0]:.1f}); "
            f"{r['true_pairs']} true pairs, {r['indistinguishable']} the data cannot tell "
            f"({r['no_identifying_fact']} share no identifying fact, indistinguishable(); "
            f"{r['ambiguous']} match a third report as well, ambiguous()); "
            f"pool {r['pool']:,} real reports; EM sessions used "
            f"{r['em_used']}; u from {r['u_pairs']} pairs; duplicate share "
            f"{r['duplicate_share']}"
        )
        print(
            f"  {'blocking family':<24} {'pairs unbounded':>16} {'bounded (<=)':>13} "
            f"{'largest':>8} {'dropped':>8} {'true pairs kept':>16}"
        )
        for c in r["blocking"]:
            print(
                f"  {c['family']:<24} {c['pairs_unbounded']:>16,} {c['pairs_bounded']:>13,} "
                f"{c['largest_block']:>8} {c['dropped_records']:>8} "
                f"{r['blocking_recall'].get(c['family'], float('nan')):>16.3f}"
            )
        total = sum(c["pairs_bounded"] for c in r["blocking"])
        print(
            f"  {'all families':<24} {'':>16} {total:>13,} {'':>8} {'':>8} "
            f"{r['blocking_recall']['all']:>16.3f}"
        )
        if r.get("pruning"):
            pr = r["pruning"]
            print(
                f"  {'scored (pruned)':<24} {pr['candidate_pairs']:>16,} "
                f"{pr['scored_pairs']:>13,} {'':>8} {'':>8} "
                f"{r['blocking_recall']['pruned']:>16.3f}"
                f"   (distinct candidate pairs -> each record's {pr['per_record']} heaviest)"
            )
        print(f"  false alarms at {AUDIT_THRESHOLD} between two real VAERS reports: {r['audit']}")
        print(
            f"  {'thr':>5} {'pairs':>8} {'precision':>9} {'recall':>7} {'F1':>6} "
            f"{'cross-src R':>11} {'P copies':>8} {'twins':>5} {'P -twins':>8} | "
            f"distinguishable: {'P':>6} {'R':>6} {'F1':>6}"
        )
        for t, c in r["curve"].items():
            v = c["visible"]
            cross = c["cross_recall"] if c["cross_recall"] is not None else float("nan")
            print(
                f"  {float(t):>5g} {c['pairs']:>8} {c['precision']:>9.3f} {c['recall']:>7.3f} "
                f"{c['f1']:>6.3f} {cross:>11.3f} {c['precision_on_copies']:>8.3f} "
                f"{c['twins']:>5} {c['precision_without_twins']:>8.3f} | {'':>16} "
                f"{v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f}"
            )
        if not args.light:
            print(
                "  adjudicated (bench/vaers_adjudication.py: flagged pairs of two real VAERS "
                "reports one case by evidence, or probably, count as true)"
            )
            for t, c in r["curve"].items():
                adj = c["adjudicated"]
                classes = {k: v for k, v in adj.items() if k not in ("evidence", "probable")}
                print(
                    f"  {float(t):>5g} P strict {c['precision']:.3f}  P evidence "
                    f"{adj['evidence']:.3f}  P +probable {adj['probable']:.3f}  {classes}"
                )
        print(f"  recall by kind of duplicate (true pairs: {r['pairs_by_kind']})")
        for t, c in r["curve"].items():
            by_kind = "  ".join(f"{k} {v:.3f}" for k, v in c["recall_by_kind"].items())
            print(f"  {float(t):>5g} {by_kind}")


if __name__ == "__main__":
    main()
