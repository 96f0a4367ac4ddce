"""LexAlign review app: upload a law, read its coverage, review and correct each article.

Run with `streamlit run app.py` (or `make app`); `-- --data-dir X` picks the review store's
folder. This file is UI only: analysis, counts, HTML and exports come from `lexalign`.
"""

from __future__ import annotations

import hashlib
import sys
from functools import partial

import streamlit as st

from lexalign import dashboard
from lexalign.convention import ConventionDataError
from lexalign.errors import UnusableInput
from lexalign.settings import SettingError
from lexalign.models import Convention, Report
from lexalign.review import ReviewStore, apply_reviews, default_store_path

dashboard.apply_app_flags(sys.argv[1:])
st.set_page_config(page_title="LexAlign review", layout="wide")


@st.cache_resource(show_spinner="Loading the Convention model…")
def convention() -> Convention:
    """The Convention model, loaded once per server process."""
    from lexalign.convention import load_convention

    return load_convention()


@st.cache_data(show_spinner=False, max_entries=32)
def analysed(sha256: str, name: str, _data: bytes) -> dict:
    """The engine's report for one file, cached by the file's hash (the bytes are not hashed again)."""
    return dashboard.analyse(_data, name, convention()).model_dump(mode="json", by_alias=True)


def engine_report(data: bytes, name: str) -> Report:
    """Analyse a law with a progress indicator; an unusable file stops the page with its one-line message."""
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        with st.spinner(f"Analysing {name}…"):
            return Report.model_validate(analysed(sha256, name, data))
    except (UnusableInput, ConventionDataError, SettingError) as error:
        st.error(str(error))
        st.stop()
        raise  # st.stop() does not return; this keeps type checkers informed


def save_decision(sha256: str, article: int, engine_status: str, engine_evidence: list[str]) -> None:
    """Store the reviewer's decision for one article (runs before the page is redrawn)."""
    state = st.session_state
    choice = state[f"status_{sha256[:12]}_{article}"]
    chosen = list(state[f"evidence_{sha256[:12]}_{article}"])
    decision = ReviewStore().record(
        sha256,
        article,
        state["reviewer"],
        status=None if choice == "confirm" else choice,
        evidence_added=[p for p in chosen if p not in engine_evidence],
        evidence_removed=[p for p in engine_evidence if p not in chosen],
        note=state[f"note_{sha256[:12]}_{article}"],
    )
    state["saved"] = f"Saved: article {article} → {decision.status or engine_status} by {decision.reviewer} at {decision.at}"


# --------------------------------------------------------------------------- sidebar: input, reviewer, filters

st.sidebar.title("LexAlign")
st.sidebar.text_input("Reviewer", key="reviewer", placeholder="your name", help="Entered once per session; stored with every decision.")
uploaded = st.sidebar.file_uploader("Upload a law", type=dashboard.UPLOAD_TYPES, key="upload")
samples = {path.name: path for path in dashboard.sample_laws()}
sample = st.sidebar.selectbox("…or pick a sample law", ["", *samples], key="sample", format_func=lambda n: n or "(none)")
st.sidebar.caption(f"Review store: `{default_store_path()}`")

st.title("LexAlign: UN Convention against Cybercrime")
if uploaded is not None:
    data, name = uploaded.getvalue(), uploaded.name
elif sample:
    data, name = samples[sample].read_bytes(), sample
else:
    st.info("Upload a law (PDF, DOCX, HTML, TXT or Akoma Ntoso XML) or pick a sample law in the sidebar.")
    st.stop()

engine = engine_report(data, name)
sha = engine.document.sha256
store = ReviewStore()
report = apply_reviews(engine, store.latest(sha))
model = convention()

# --------------------------------------------------------------------------- dashboard

doc = report.document
st.caption(f"{doc.source} · {doc.format} · {doc.pages} page(s) · {len(report.provisions)} provisions · sha256 {sha[:12]}…")
for warning in report.warnings:
    st.warning(warning)
if "saved" in st.session_state:
    st.success(st.session_state.pop("saved"))

counts = dashboard.status_counts(report.articles)
reviewed_count = sum(a.reviewed_by is not None for a in report.articles)
for column, (label, value) in zip(st.columns(5), [*((s.replace("_", " "), counts[s]) for s in dashboard.STATUSES), ("reviewed", reviewed_count)]):
    column.metric(label, value)

chapters = sorted({a.chapter for a in report.articles})
chapter_filter = st.sidebar.multiselect("Chapters", chapters, key="chapters")
status_filter = st.sidebar.multiselect("Statuses", list(dashboard.STATUSES), key="statuses")
shown = dashboard.filter_articles(report.articles, chapter_filter, status_filter)

st.subheader("Coverage")
st.markdown(dashboard.legend_html(), unsafe_allow_html=True)
st.markdown(dashboard.grid_html(shown), unsafe_allow_html=True)
st.markdown("**Per chapter**")
st.table(dashboard.chapter_summary(report, model))

# --------------------------------------------------------------------------- article view

st.subheader("Article")
if not shown:
    st.info("No article matches the filters.")
    st.stop()
by_number = {a.article: a for a in shown}
# Open on the first assessed article: articles 1-6 (general provisions) are not scored.
first = next((i for i, a in enumerate(shown) if a.status != "not_assessed"), 0)
number = st.selectbox("Article", list(by_number), index=first, key="article", format_func=lambda n: f"Art. {n}: {by_number[n].title} ({by_number[n].status})")
article = by_number[number]
provisions = {p.id: p for p in report.provisions}
labels = dashboard.element_labels(model, number)

left, right = st.columns(2)
with left:
    status_line = f"**Status:** {article.status} · confidence {article.confidence:.2f}"
    if article.reviewed_by:
        status_line += f" · reviewer decision by {article.reviewed_by} ({article.reviewed_at}); engine said **{article.engine_status}**"
    st.markdown(status_line)
    spec = model.article(number)
    if spec.summary:
        st.markdown(f"_{spec.summary}_")
    for paragraph in spec.paragraphs:
        st.markdown(f"- ¶{paragraph.number} ({paragraph.modality.value}): {paragraph.paraphrase}")
    if article.explanation:
        st.caption(article.explanation)
    st.markdown("**Elements found:** " + (", ".join(labels.get(e, e) for e in article.elements_found) or "none"))
    st.markdown("**Elements missing:** " + (", ".join(labels.get(e, e) for e in article.missing_elements) or "none"))
    st.markdown("**Evidence**, best first")
    st.markdown(dashboard.evidence_html(article.evidence), unsafe_allow_html=True)

with right:
    evidence_ids = [e.provision for e in article.evidence]
    choices = [*evidence_ids, *(pid for pid in provisions if pid not in evidence_ids)]
    if choices:
        chosen = st.selectbox("Provision", choices, key=f"provision_{sha[:12]}_{number}", format_func=lambda pid: f"{provisions[pid].label} (p. {provisions[pid].page})")
        spans = next((e.spans for e in article.evidence if e.provision == chosen), [])
        st.markdown(dashboard.provision_html(provisions[chosen], spans), unsafe_allow_html=True)

# --------------------------------------------------------------------------- review

st.subheader("Review")
key = f"{sha[:12]}_{number}"
engine_article = next(a for a in engine.articles if a.article == number)
# An assessed article is covered, partial or absent; an article outside the set stays "not assessed".
options = ["confirm", "not_assessed"] if engine_article.status == "not_assessed" else ["confirm", "covered", "partial", "absent"]
current = article.status if article.reviewed_by and article.status != engine_article.status else "confirm"
current = current if current in options else "confirm"  # an older decision the options no longer offer
st.selectbox(
    "Decision",
    options,
    index=options.index(current),
    key=f"status_{key}",
    format_func=lambda o: f"confirm engine ({engine_article.status})" if o == "confirm" else f"override: {o.replace('_', ' ')}",
)
st.multiselect("Evidence provisions", list(provisions), default=[e.provision for e in article.evidence if e.provision in provisions], key=f"evidence_{key}")
st.text_area("Note", value=article.note or "", key=f"note_{key}")
reviewer = (st.session_state.get("reviewer") or "").strip()
if not reviewer:
    st.caption("Enter your name in the sidebar to save decisions: every decision is stored with its reviewer.")
st.button(
    "Save decision",
    key="save",
    type="primary",
    disabled=not reviewer,
    on_click=save_decision,
    args=(sha, number, engine_article.status, [e.provision for e in engine_article.evidence]),
)
with st.expander("History of this article"):
    history = store.history(sha, number)
    if history:
        st.dataframe([d.model_dump() for d in history], hide_index=True)
    else:
        st.write("No decision yet.")

# --------------------------------------------------------------------------- exports

st.subheader("Export the reviewed report")
for column, fmt in zip(st.columns(len(dashboard.EXPORT_FORMATS)), dashboard.EXPORT_FORMATS):
    mime, _ = dashboard.EXPORT_FORMATS[fmt]
    label = ".gold.json" if fmt == "gold" else fmt.upper()
    column.download_button(label, data=partial(dashboard.export, report, fmt, model), file_name=dashboard.export_name(report, fmt), mime=mime, key=f"export_{fmt}", on_click="ignore")
