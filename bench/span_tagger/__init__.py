"""The learned span tagger experiment (issue 10): a linear-chain CRF labelling reactions,
treatments, histopathology and sites, trained on the dev gold only and scored leave one
round out by ``bench/span_tagger_loro.py``. Not part of the extractor: it added nothing on
most rounds it did not see (docs/design-notes.md, "No learned span tagger"), so it lives
with the bench, where the next learned method can reuse its protocol."""
