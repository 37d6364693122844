"""Words the reports and views show, in English and Arabic.

Names of actors come from the graph's labels; these are only the words around them.
"""

from __future__ import annotations

import re

RELATION_LABELS = {
    "en": {
        "metWith": "met with", "visited": "visited", "sanctioned": "sanctioned", "supplied": "supplied",
        "supported": "supported", "opposed": "opposed", "criticized": "criticized", "accused": "accused",
        "threatened": "threatened", "attacked": "attacked", "cooperatedWith": "cooperated with",
        "leaderOf": "leader of", "affiliatedWith": "affiliated with",
    },
    "ar": {
        "metWith": "التقى", "visited": "زار", "sanctioned": "فرض عقوبات على", "supplied": "زوّد",
        "supported": "دعم", "opposed": "عارض", "criticized": "انتقد", "accused": "اتهم",
        "threatened": "هدد", "attacked": "هاجم", "cooperatedWith": "تعاون مع",
        "leaderOf": "يقود", "affiliatedWith": "تابع لـ",
    },
}

LANGUAGE_NAMES = {
    "en": {"ar": "Arabic", "en": "English"},
    "ar": {"ar": "العربية", "en": "الإنجليزية"},
}

CLASS_LABELS = {
    "en": {"Country": "Country", "Organization": "Organization", "Person": "Person", "Leader": "Leader",
           "Official": "Official", "Analyst": "Analyst", "Actor": "Actor"},
    "ar": {"Country": "دولة", "Organization": "منظمة", "Person": "شخص", "Leader": "زعيم",
           "Official": "مسؤول", "Analyst": "محلل", "Actor": "فاعل"},
}

STRINGS = {
    "en": {
        "arrow": "→",
        "possible": "possible", "alleged": "alleged", "asserted": "asserted", "negated": "reported as NOT happening",
        "articles": "{n} articles", "article": "1 article", "according_to": "according to {who}",
        "more": "+ {n} more", "mentioned_in": "mentioned in {n} articles", "mentioned_in_1": "mentioned in 1 article",
        "rank": "PageRank #{rank} of {n}", "community": "community {n}",
        "legend": "Legend", "actors": "Actors", "relations": "Relations", "communities": "Communities",
        "line_asserted": "asserted", "line_hedged": "possible or alleged", "line_negated": "negated (did not happen)",
        "line_structural": "affiliation (no article)", "width": "line width = number of articles",
        "find": "Find an actor…", "pruned": "Showing the {shown} most central of {total} actors (PageRank); "
        "{hidden} actors and {edges} relations are not shown. Narrow the view with --actor, --relation or "
        "--min-articles, or raise --max-nodes.",
        "isolated": "{n} actors with no relation in this view are not shown.",
        "isolated_1": "1 actor with no relation in this view is not shown.",
        "negated_hidden_1": "1 negated claim is hidden (--show-negated shows it).",
        "negated_hidden": "{n} negated claims are hidden (--show-negated shows them).",
        "empty": "Nothing to show: no relation passes the filters.",
        "ego": "Actors within {n} step(s) of {actor}.", "other_communities": "smaller communities",
        "title": "Geopolitical actors", "summary": "{nodes} actors, {edges} relations",
        "hover": "Hover a node or a line for evidence; click a relation to hide it.",
        "top_actors": "Top actors", "strongest": "Strongest edges", "graph": "Graph",
        "by_relation": "Claims by relation", "labels": "Labels", "aka": "Also known as",
        "affiliation": "Affiliated with", "centrality": "Centrality", "outgoing": "Outgoing",
        "incoming": "Incoming", "negated_section": "Reported as not happening", "members": "members",
        "no_relations": "No relations recorded.", "claims_about": "Attributed statements",
        "articles_heading": "Articles", "wikidata": "Wikidata",
        # kg stats / kg actor
        "stats_head": "{actors} actors ({kinds}), {articles} articles, {claims} claims",
        "stats_quality": "{modalities}; {negated} negated; {attributed} attributed",
        "headline_left_out": "({n} claims whose only evidence is a headline left out; --with-headlines counts them)",
        "top_actors_how": "PageRank; weights = articles",
        "col_actor": "actor", "col_class": "class", "col_pagerank": "PageRank", "col_degree": "degree",
        "col_betweenness": "betweenness", "col_articles": "articles",
        "communities_how": "Louvain on the cooperation projection, seed {seed}; {n} with 2+ actors",
        "strongest_how": "by number of articles", "no_actors": "(no actors)", "none": "(none)",
        "centrality_line": "PageRank {pagerank} (#{rank} of {n}) · degree {degree} · betweenness {betweenness}",
    },
    "ar": {
        "arrow": "←",
        "possible": "محتمل", "alleged": "مزعوم", "asserted": "مؤكد", "negated": "نُفي حدوثه",
        "articles": "{n} مقالات", "article": "مقال واحد", "according_to": "بحسب {who}",
        "more": "+ {n} أخرى", "mentioned_in": "ورد في {n} مقالات", "mentioned_in_1": "ورد في مقال واحد",
        "rank": "الترتيب {rank} من {n} (PageRank)", "community": "المجموعة {n}",
        "legend": "دليل الرموز", "actors": "الفاعلون", "relations": "العلاقات", "communities": "المجموعات",
        "line_asserted": "مؤكد", "line_hedged": "محتمل أو مزعوم", "line_negated": "منفي (لم يحدث)",
        "line_structural": "انتماء (بلا مقال)", "width": "سماكة الخط = عدد المقالات",
        "find": "ابحث عن فاعل…", "pruned": "يعرض هذا الرسم {shown} فاعلا الأكثر مركزية من أصل {total} (PageRank)؛ "
        "لم يُعرض {hidden} فاعلا و{edges} علاقة. ضيّق العرض بـ --actor أو --relation أو --min-articles "
        "أو ارفع --max-nodes.",
        "isolated": "لم يُعرض {n} فاعلا ليست لهم علاقات في هذا العرض.",
        "isolated_1": "لم يُعرض فاعل واحد ليست له علاقات في هذا العرض.",
        "negated_hidden_1": "أُخفي ادعاء منفي واحد (يعرضه الخيار --show-negated).",
        "negated_hidden": "أُخفيت {n} ادعاءات منفية (يعرضها الخيار --show-negated).",
        "empty": "لا شيء للعرض: لا علاقة تطابق المرشحات.",
        "ego": "الفاعلون على بعد {n} خطوة من {actor}.", "other_communities": "مجموعات أصغر",
        "title": "الفاعلون الجيوسياسيون", "summary": "{nodes} فاعلا، {edges} علاقة",
        "hover": "مرّر المؤشر على عقدة أو خط لرؤية الأدلة؛ انقر على علاقة لإخفائها.",
        "top_actors": "أبرز الفاعلين", "strongest": "أقوى العلاقات", "graph": "الرسم",
        "by_relation": "الادعاءات حسب العلاقة", "labels": "الأسماء", "aka": "أسماء أخرى",
        "affiliation": "تابع لـ", "centrality": "المركزية", "outgoing": "علاقات صادرة",
        "incoming": "علاقات واردة", "negated_section": "نُفي حدوثه", "members": "أعضاء",
        "no_relations": "لا علاقات مسجلة.", "claims_about": "تصريحات منسوبة إليه",
        "articles_heading": "المقالات", "wikidata": "ويكي بيانات",
        # kg stats / kg actor
        "stats_head": "{actors} فاعلا ({kinds})، {articles} مقالات، {claims} ادعاء",
        "stats_quality": "{modalities}؛ {negated} منفي؛ {attributed} منسوب إلى قائل",
        "headline_left_out": "(تُركت {n} ادعاءات دليلها الوحيد عنوان؛ الخيار --with-headlines يعدّها)",
        "top_actors_how": "PageRank؛ الأوزان = عدد المقالات",
        "col_actor": "الفاعل", "col_class": "الصنف", "col_pagerank": "PageRank", "col_degree": "الدرجة",
        "col_betweenness": "البينية", "col_articles": "المقالات",
        "communities_how": "Louvain على إسقاط التعاون، البذرة {seed}؛ {n} تضم فاعلين أو أكثر",
        "strongest_how": "حسب عدد المقالات", "no_actors": "(لا فاعلين)", "none": "(لا شيء)",
        "centrality_line": "PageRank {pagerank} (الترتيب {rank} من {n}) · الدرجة {degree} · البينية {betweenness}",
    },
}


# Proper names kept in Latin script inside Arabic text (algorithms); everything else is translated.
LATIN_NAMES = ("PageRank", "Louvain")

LRI, PDI = "\u2066", "\u2069"  # left-to-right isolate: a Latin run inside right-to-left text
_OPTION = re.compile(r"--[a-z][a-z-]*")


def ui_lang(lang: str | None) -> str:
    return "ar" if lang == "ar" else "en"


def isolate_options(text: str) -> str:
    """Command-line options in Arabic text wrapped in a left-to-right isolate.

    Without it the bidi algorithm moves the leading ``--`` to the other end of the word
    ("show-negated--") in the browser and in the PNG alike.
    """
    return _OPTION.sub(lambda m: f"{LRI}{m.group(0)}{PDI}", text)


def t(lang: str | None, key: str, **kwargs) -> str:
    ui = ui_lang(lang)
    text = STRINGS[ui].get(key) or STRINGS["en"][key]
    if ui == "ar":
        text = isolate_options(text)
    return text.format(**kwargs) if kwargs else text


def comma(lang: str | None) -> str:
    """The list separator: the Arabic comma in Arabic text."""
    return "، " if ui_lang(lang) == "ar" else ", "


def articles_text(lang: str | None, n: int) -> str:
    return t(lang, "article") if n == 1 else t(lang, "articles", n=n)


def relation_label(lang: str | None, relation: str) -> str:
    return RELATION_LABELS[ui_lang(lang)].get(relation, relation)


def language_name(lang: str | None, code: str) -> str:
    """A label's language in words ("العربية"), the code itself when unknown."""
    return LANGUAGE_NAMES[ui_lang(lang)].get(code, code)


def class_label(lang: str | None, cls: str) -> str:
    return CLASS_LABELS[ui_lang(lang)].get(cls, cls)
