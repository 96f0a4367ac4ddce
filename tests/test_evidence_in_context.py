"""Which provisions are cited as evidence when a short law is read whole, through the segmenter:
part headings, penalty subsections and list items decide what counts, so these rows go through
`segment` rather than the hand-built laws of test_articles.py."""

from __future__ import annotations

import pytest

from lexalign.ingest import load
from lexalign.pipeline import check_document

P_ = pytest.param

# (law text, article, expected evidence ids)
ROWS = [
    # A part heading "Offences and penalties" does not make a prohibition item a sanction: the
    # penalty is in subsection (2), which punishes the prohibition.
    P_(
        "PART II - OFFENCES AND PENALTIES\n\n"
        "10. Illegal devices\n"
        "(1) A person shall not unlawfully deal with or possess— (a) a device, including a computer program, designed for the purpose of committing an offence; "
        "(b) a computer password or access code by which a computer system may be accessed, with intent that it be used for committing an offence.\n"
        "(2) A person who contravenes subsection (1) commits an offence and is liable on conviction to a fine or to imprisonment for a term not exceeding three years.\n",
        21,
        {"10.2"},
        id="21-part-heading-is-not-a-sanction",
    ),
    # An item that only states the penalty for a repeat conviction is a sanction of the offence above it.
    P_(
        "6. Unauthorised access\n"
        "(1) Any person who knowingly secures access without authority to any computer system shall be guilty of an offence and shall be liable on conviction— "
        "(a) to a fine not exceeding $5,000 or to imprisonment for a term not exceeding 2 years; and "
        "(b) in the case of a second or subsequent conviction, to a fine not exceeding $10,000 or to imprisonment for a term not exceeding 3 years.\n",
        21,
        {"6.1.a", "6.1.b"},
        id="21-repeat-conviction-item",
    ),
    # Safeguards come as a court order, a time limit, an appeal or a misuse offence; each attaches to the
    # power it limits: through "this section", or through "the powers under this Part".
    P_(
        "PART IV - INVESTIGATION PROCEDURES\n\n"
        "52. Real-time collection of traffic data\n"
        "(1) Where a police officer has reasonable grounds to believe that traffic data associated with specified communications is required for a criminal investigation, "
        "the officer may apply to the court for an order compelling a service provider to collect or record traffic data in real time.\n"
        "(2) Real-time collection of traffic data shall be ordered for a period not exceeding six months.\n"
        "(3) A police officer who misuses the powers granted under this section commits an offence and is liable on conviction to a fine.\n\n"
        "53. Appeal\n"
        "Any person aggrieved by an order made under this Part may appeal to the High Court within thirty days.\n\n"
        "54. Annual report\n"
        "The Inspector-General shall publish an annual report on the number of cases investigated.\n",
        24,
        {"52.1", "52.2", "52.3", "53"},
        id="24-safeguard-forms-attach-to-their-power",
    ),
    # A penalty for a service provider's failure to obey an interception order, in the last subsection,
    # does not make the interception power in subsection (1) an offence of illegal interception.
    P_(
        "53. Interception of content data\n"
        "(1) Where a police officer has reasonable grounds to believe that the content of specified communications is required for an investigation, "
        "the officer may apply to the court for an order to intercept the content data by technical means.\n"
        "(2) A service provider who fails to comply with an order under this section commits an offence and is liable on conviction to a fine.\n",
        8,
        set(),
        id="8-power-is-not-an-offence-through-a-sibling-penalty",
    ),
    # A power with words between "shall" and its verb is a power all the same.
    P_(
        "29. Access to computers and data\n"
        "(1) The Controller or any person authorised by him shall, if he has reasonable cause to suspect that any contravention of this Chapter has been committed, "
        "have access to any computer system and data for the purpose of searching for any information contained in it.\n",
        28,
        {"29.1"},
        id="28-shall-if-have-access",
    ),
    # A request for interception is evidence of article 46, not of the general rules of mutual legal
    # assistance (article 40), though it names the central authority and the requesting State. Here the
    # best-fit margin alone decides it; `yields_to` is pinned by the unit test at the end of this file.
    P_(
        "57. Central authority\n"
        "(1) The Attorney-General is the central authority for mutual legal assistance and may make requests to, and receive requests from, a foreign State for assistance in criminal investigations.\n"
        "(2) The central authority may refuse a request for mutual legal assistance where the request concerns a political offence.\n\n"
        "64. Interception at the request of a foreign State\n"
        "Where the central authority receives a request from a foreign State for the interception of content data of specified communications transmitted by means of a computer system, "
        "the central authority may apply to the court for an order to intercept the content data in real time and transmit it to the requesting State.\n",
        40,
        {"57.1", "57.2"},
        id="40-yields-interception-requests-to-46",
    ),
    # A penalty schedule that grades "an attempt to commit an offense" sets sanctions; the attempt is
    # made an offence by the subsection that says whoever attempts is punished.
    P_(
        "§ 1030. Fraud and related activity in connection with computers\n"
        "(a) Whoever intentionally accesses a computer without authorization and thereby obtains information shall be punished as provided in subsection (c).\n"
        "(b) Whoever conspires to commit or attempts to commit an offense under subsection (a) shall be punished as provided in subsection (c).\n"
        "(c) The punishment for an offense under subsection (a) or (b) is— "
        "(1) a fine under this title or imprisonment for not more than one year, or both, in the case of an offense under subsection (a), or an attempt to commit an offense punishable under this paragraph; and "
        "(2) a fine under this title or imprisonment for not more than five years, or both, in the case of a second offense under subsection (a), or an attempt to commit an offense punishable under this paragraph.\n",
        19,
        {"1030.b"},
        id="19-penalty-schedule-grades-attempts",
    ),
    # ... and the harms a schedule grades implement nothing but sanctions: "damage affecting a computer
    # used in the administration of justice" is not redress for victims.
    P_(
        "§ 1030. Fraud and related activity in connection with computers\n"
        "(a) Whoever knowingly causes the transmission of a program and thereby intentionally causes damage to a protected computer shall be punished as provided in subsection (c).\n"
        "(c) The punishment for an offense under subsection (a) is— "
        "(1) a fine under this title or imprisonment for not more than ten years, or both, if the offense caused— (A) physical injury to any person; (B) a threat to public health or safety; or "
        "(C) damage affecting a computer used by an entity of the Government in furtherance of the administration of justice; and "
        "(2) a fine under this title or imprisonment for not more than twenty years, or both, in the case of a second offense.\n",
        34,
        set(),
        id="34-penalty-schedule-harms-are-not-redress",
    ),
    # Abetting and attempting are punished by reference to the offence: a sanction all the same.
    P_(
        "3. Unauthorised access\n"
        "(1) A person who intentionally and without authority accesses a computer system commits an offence and is liable on conviction to imprisonment for two years.\n\n"
        "12. Abetment and attempt\n"
        "(1) A person who abets the commission of or attempts to commit any offence under this Act shall be guilty of that offence and shall on conviction be liable to the punishment provided for the offence.\n",
        21,
        {"3.1", "12.1"},
        id="21-punishment-provided-for-the-offence",
    ),
    # A presumption quotes the offence it helps prove ("a warning that unauthorised access is an
    # offence"); it is a rule of evidence, not the offence.
    P_(
        "11. Protected computers\n"
        "(1) A person who without authority secures access to a protected computer commits an offence and is liable on conviction to imprisonment for twenty years.\n"
        "(2) For the purposes of any prosecution under this section, it is presumed, until the contrary is proved, that the accused knew the computer was protected "
        "if a warning was exhibited stating that unauthorised access to that computer is an offence punishable by imprisonment.\n",
        7,
        {"11.1"},
        id="7-presumption-is-not-the-offence",
    ),
    # A defined act carries the object of its definition: damage defined as impairing data is data
    # interference wherever the law punishes damage.
    P_(
        "1. Definitions\n"
        "In this Act, unless the context otherwise requires, \"damage\" means any impairment to the integrity or availability of data, a program or a system.\n\n"
        "5. Damage to computers\n"
        "(1) A person who knowingly and without authorization causes damage to a protected computer commits an offence and is liable on conviction to imprisonment for five years.\n",
        9,
        {"5.1"},
        id="9-defined-act-carries-its-object",
    ),
    # A section heading that names fraud does not make every item under it fraud: an item that
    # needs the heading for its core must fit the article best.
    P_(
        "§ 1030. Fraud and related activity in connection with computers\n"
        "(a) Whoever—\n"
        "(1) knowingly and with intent to defraud, accesses a protected computer without authorization, and by means of such conduct furthers the intended fraud and obtains anything of value;\n"
        "(2) knowingly causes the transmission of a program, and as a result of such conduct, intentionally causes damage without authorization to the data of a protected computer and thereby causes loss;\n"
        "shall be punished by a fine or imprisonment for not more than ten years, or both.\n",
        13,
        {"1030.a.1"},
        id="13-heading-does-not-make-every-item-fraud",
    ),
    # An offence built on another ("commits an offence under section 14 with intent to ... commits an
    # offence") reads the cited offence; an aggravated penalty for it ("which causes injury is liable")
    # only punishes it.
    P_(
        "14. Unauthorised access\n"
        "(1) A person who intentionally and without authorisation accesses a computer system commits an offence and is liable on conviction to imprisonment for three years.\n\n"
        "15. Access with intent to commit further offences\n"
        "(1) A person who commits an offence under section 14 with intent to commit a further offence under any law commits an offence and is liable on conviction to imprisonment for ten years.\n\n"
        "16. Aggravated access\n"
        "(1) A person who commits an offence under section 14 which causes physical injury to any person is liable on conviction to imprisonment for twenty years.\n",
        7,
        {"14.1", "15.1"},
        id="7-offence-built-on-another",
    ),
    # An exception that opens with the subsections it qualifies is still an exception.
    P_(
        "18. Illegal devices\n"
        "(1) A person who knowingly manufactures, sells, distributes or otherwise makes available a device, program, computer password or access code designed primarily for the purpose of committing an offence under this Part commits an offence and is liable on conviction to imprisonment for ten years.\n"
        "(2) A person who knowingly receives or possesses such a program, computer password or access code intending that it be used to commit an offence under this Part commits an offence and is liable on conviction to imprisonment for five years.\n"
        "(3) Despite subsections (1) and (2), the activities described under the subsections do not constitute an offence if the use of a program, computer password or access code is undertaken for the authorised testing or protection of a computer system.\n",
        11,
        {"18.1", "18.2"},
        id="11-despite-subsection-exception",
    ),
    # A request for access that mentions data preserved under section 59 belongs to the article its
    # heading names (44), not to preservation (42), which section 59 implements.
    P_(
        "59. Expedited preservation of stored computer data at the request of a foreign State\n"
        "(1) A foreign State may request the central authority to order the expeditious preservation of stored computer data located in Kenya, in respect of which the requesting State intends to submit a request for mutual assistance for the search, seizure or disclosure of the data.\n"
        "(2) The central authority shall apply to the court for an order for the preservation of the data for a period not exceeding ninety days.\n"
        "\n"
        "61. Mutual assistance regarding accessing of stored computer data\n"
        "(1) A foreign State may request the central authority to search, access, seize, secure or disclose stored computer data located within Kenya, including data that has been preserved under section 59.\n"
        "(2) The central authority shall apply to the court for a warrant to search, access, seize or disclose the data.\n"
        "\n",
        42,
        {"59.1", "59.2"},
        id="42-heading-names-another-article",
    ),
    # An interpretive clause on where the act took place is jurisdiction, and nothing else.
    P_(
        "3. Unauthorised access\n"
        "(1) A person who intentionally and without authority accesses a computer system commits an offence and is liable on conviction to imprisonment for two years.\n"
        "(2) For an offence to be committed under this section, it is immaterial where the act in question took place.\n",
        22,
        {"3.2"},
        id="22-interpretive-clause-on-place",
    ),
    P_(
        "3. Unauthorised access\n"
        "(1) A person who intentionally and without authority accesses a computer system commits an offence and is liable on conviction to imprisonment for two years.\n"
        "(2) For an offence to be committed under this section, it is immaterial where the act in question took place.\n",
        7,
        {"3.1"},
        id="7-interpretive-clause-is-not-the-offence",
    ),
    # A record of what was seized, given to the person, is a safeguard of the seizure power.
    P_(
        "31. Search and seizure\n"
        "(1) A police officer who has reasonable grounds to believe that a computer system may be used as evidence of an offence may issue an order authorising a law enforcement officer to search the computer system and seize the computer data.\n"
        "(2) Where computer data is seized, the law enforcement officer shall prepare a list of items seized and issue a copy of that list to the person having control of the computer system.\n",
        24,
        {"31.2"},
        id="24-seizure-record-is-a-safeguard",
    ),
    # An express scope clause for the powers is the evidence of article 23 by itself ...
    P_(
        "PART IV - INVESTIGATIONS\n\n"
        "18. Scope of this Part\n"
        "The powers conferred by this Part may be exercised for the purposes of a specific criminal investigation concerning an offence under this Act, "
        "any other offence committed by means of a computer system, or the collection of evidence in electronic form of any offence.\n\n"
        "19. Preservation\n"
        "Where computer data is required for the purposes of an investigation, a police officer may by notice require a person to preserve the data for ninety days.\n\n"
        "20. Search\n"
        "A magistrate may, for the purposes of a criminal investigation, issue a warrant to search a computer system and seize computer data.\n",
        23,
        {"18"},
        id="23-express-scope-clause-alone",
    ),
    # ... without one, the powers that say whom they serve are; an offence that names an investigation is not.
    P_(
        "PART IV - INVESTIGATIONS\n\n"
        "19. Preservation\n"
        "Where computer data is required for the purposes of an investigation, a police officer may by notice require a person to preserve the data for ninety days.\n\n"
        "20. Search\n"
        "(1) A magistrate may, for the purposes of a criminal investigation, issue a warrant to search a computer system and seize computer data.\n"
        "(2) A person who discloses that a computer system is being searched for the purposes of a criminal investigation commits an offence.\n\n"
        "21. Disclosure of details of an investigation\n"
        "(1) A person shall not knowingly disclose the details of a criminal investigation or the fact that computer data has been seized.\n"
        "(2) A person who contravenes subsection (1) commits an offence and is liable on conviction to a fine.\n\n"
        "22. Disclosure of data\n"
        "Where the disclosure of data is required for the purposes of a criminal investigation, a police officer may issue an order compelling a person to disclose the data.\n",
        23,
        {"19", "20.1", "22"},
        id="23-powers-framed-by-purpose-without-scope-clause",
    ),
    # A section heading that names fraud over access and damage offences is a broad label: the
    # access-causing-damage item is still illegal access where it fits almost as well.
    P_(
        "§ 1030. Fraud and related activity in connection with computers\n"
        "(a) Whoever—(1) knowingly and with intent to defraud, accesses a protected computer without authorization, and by means of such conduct furthers the intended fraud and obtains anything of value;\n\n"
        "(2)(A) knowingly causes the transmission of a program, information, code, or command, and as a result of such conduct, intentionally causes damage without authorization, to a protected computer;\n\n"
        "(B) intentionally accesses a protected computer without authorization, and as a result of such conduct, recklessly causes damage;\n\n"
        "shall be punished as provided in subsection (c) of this section.\n\n"
        "(c) The punishment for an offense under subsection (a) of this section is a fine under this title or imprisonment for not more than ten years, or both.\n\n"
        "(e) As used in this section—(1) the term \"damage\" means any impairment to the integrity or availability of data, a program, a system, or information;\n",
        7,
        {"1030.a.1", "1030.a.2.b"},
        id="7-broad-heading-names-nothing-in-particular",
    ),
    # An offence of obstructing the powers enforces them; only the misuse offence limits them.
    P_(
        "PART IV - INVESTIGATION PROCEDURES\n\n"
        "52. Search and seizure\n"
        "(1) Where a magistrate is satisfied that there are reasonable grounds to believe that computer data is required for a criminal investigation, the magistrate may issue a warrant authorising a police officer to search a computer system and seize computer data.\n\n"
        "54. Obstruction and misuse of power\n"
        "(1) A person who obstructs the lawful exercise of the powers under this Part commits an offence and is liable on conviction to a fine not exceeding five million shillings.\n"
        "(2) A police officer who misuses the powers under this Part commits an offence and is liable on conviction to a fine not exceeding five million shillings.\n",
        24,
        {"52.1", "54.2"},
        id="24-obstruction-is-not-a-safeguard",
    ),
    # A duty to keep the order secret is part of the interception power, not a safeguard on it.
    P_(
        "PART IV - INVESTIGATION PROCEDURES\n\n"
        "53. Interception of content data\n"
        "(1) Where a police officer has reasonable grounds to believe that the content of specified communications is required for a criminal investigation, the officer may apply to the court for an order to intercept the content data.\n"
        "(2) Interception of content data shall not be ordered for a period exceeding nine months.\n"
        "(3) The court may also require the service provider to keep confidential the order and the execution of any power provided for under this section.\n",
        24,
        {"53.1", "53.2"},
        id="24-confidentiality-duty-is-not-a-safeguard",
    ),
    # A section whose heading is a repeal marker ("Omitted.") keeps its old wording in brackets for
    # reference only, however long it is.
    P_(
        "65. Tampering with computer source documents.\n"
        "Whoever knowingly conceals, destroys or alters any computer source code used for a computer, when the computer source code is required to be kept by law, shall be punishable with imprisonment for a term which may extend to three years.\n\n"
        "66A. Omitted.\n"
        "[66A. Punishment for unauthorised access to a protected system.--Any person who, without authorisation, secures access or attempts to secure access to a protected system in contravention of the provisions of this section shall be punished with imprisonment of either description for a term which may extend to ten years and shall also be liable to fine.]\n",
        7,
        set(),
        id="7-omitted-heading-keeps-old-text-for-reference",
    ),
    # Giving up a licence is not surrendering a fugitive (art 37).
    P_(
        "33. Surrender of licence\n"
        "(1) Every Certifying Authority whose licence is suspended or revoked shall immediately surrender the licence to the Controller.\n"
        "(2) Where any Certifying Authority fails to surrender a licence under sub-section (1), the person in whose favour a licence is issued shall be guilty of an offence and shall be liable to a penalty which may extend to five lakh rupees.\n",
        37,
        set(),
        id="37-surrender-of-licence-is-not-extradition",
    ),
    # "person" defined to include companies is the general word for anyone who can offend: that alone
    # is no rule on the liability of legal persons (art 18).
    P_(
        "2. Interpretation\n"
        "In this Act, \"person\" means any individual, firm, corporation, association or other entity.\n\n"
        "3. Unauthorised access\n"
        "A person who intentionally and without authority accesses a computer system commits an offence and is liable on conviction to a fine or to imprisonment for two years.\n",
        18,
        set(),
        id="18-person-defined-to-include-companies",
    ),
    # ... but a short heading that names a subject is a real heading, whatever word it uses.
    P_(
        "30. Recovery of deleted data\n"
        "A magistrate may issue a warrant authorising a police officer to search a computer system and to seize computer data, including data that has been deleted, where there are reasonable grounds to believe it is evidence of an offence.\n",
        28,
        {"30"},
        id="28-deleted-in-a-heading-is-not-a-repeal",
    ),
]


@pytest.mark.parametrize(("text", "article", "expected"), ROWS)
def test_evidence_of_a_short_law(text: str, article: int, expected: set[str]) -> None:
    report = check_document(load(text.encode(), name="law.txt"))
    finding = next(a for a in report.articles if a.article == article)
    assert {e.provision for e in finding.evidence} == expected, finding.explanation


def test_general_articles_yield_to_specific_ones() -> None:
    """Article 40 (mutual legal assistance in general) gives up a provision that article 46 (interception
    for a foreign State) has with a score at least as high, keeps one that article 46 has lower, and
    gives up one whose headings name article 46 ("Mutual assistance regarding the interception of
    content data": the items of such a request are article 46's, even those article 46 cannot read)."""
    from lexalign.convention import load_convention
    from lexalign.match import _yield_to_specific
    from lexalign.models import ArticleCandidates, Evidence

    articles = [load_convention().article(number) for number in (40, 46)]
    scored = [
        ArticleCandidates(
            article=40,
            candidates=[Evidence(provision="57", score=0.8), Evidence(provision="64.1", score=0.7), Evidence(provision="65", score=0.7), Evidence(provision="64.2", score=0.7)],
        ),
        ArticleCandidates(article=46, candidates=[Evidence(provision="64.1", score=0.75), Evidence(provision="65", score=0.6)]),
    ]
    topics = {"64.1": {46}, "64.2": {46}, "57": {35, 40}}
    kept = {entry.article: [e.provision for e in entry.candidates] for entry in _yield_to_specific(scored, articles, topics)}
    assert kept == {40: ["57", "65"], 46: ["64.1", "65"]}
    # without the headings, only the shared provision that scores at least as high is given up
    kept = {entry.article: [e.provision for e in entry.candidates] for entry in _yield_to_specific(scored, articles, {})}
    assert kept == {40: ["57", "65", "64.2"], 46: ["64.1", "65"]}


def test_a_weaker_candidate_counts_when_it_completes_the_article() -> None:
    """Below the relative floor, a candidate still counts if it brings a mandatory element none of
    the stronger ones holds (the device offence beside a password offence), unless it is far weaker."""
    from lexalign.match import _strongest
    from lexalign.models import Evidence

    mandatory = {"a11.tool", "a11.device", "a11.password"}
    candidates = [
        Evidence(provision="8.1", score=0.86, elements=["a11.password", "a11.tool"]),
        Evidence(provision="8.2", score=0.64, elements=["a11.password", "a11.tool"]),  # nothing new
        Evidence(provision="10.1", score=0.63, elements=["a11.device", "a11.tool"]),  # the device
        Evidence(provision="12", score=0.40, elements=["a11.device"]),  # far weaker
    ]
    assert [c.provision for c in _strongest(candidates, mandatory)] == ["8.1", "10.1"]
    assert [c.provision for c in _strongest(candidates[:2], mandatory)] == ["8.1"]


SAFEGUARDED_SEARCH = (
    "PART IV - INVESTIGATION PROCEDURES\n\n"
    "31. Search and seizure\n"
    "(1) Where a magistrate is satisfied that there are reasonable grounds to believe that computer data is required for a criminal investigation, "
    "the magistrate may issue a warrant authorising a police officer to search a computer system and seize computer data.\n"
    "(2) A warrant under this section is valid for a period not exceeding thirty days.\n\n"
    "32. Preservation\n"
    "A police officer may, by notice in writing, require a person in control of specified computer data to preserve the data where the data is vulnerable to loss.\n"
)


@pytest.mark.parametrize(
    ("text", "status", "unreached"),
    [
        # The preservation power in section 32 has no safeguard: only some powers are limited.
        P_(SAFEGUARDED_SEARCH, "partial", "section(s) 32", id="24-one-power-without-safeguard"),
        # A time limit in another section that cites section 32 reaches it.
        P_(SAFEGUARDED_SEARCH + "\n33. Duration of notices\nA notice under section 32 lapses after ninety days unless a magistrate extends it for a period not exceeding ninety days.\n", "covered", None, id="24-safeguard-citing-the-power-reaches-it"),
        # A misuse offence for all the powers of the Part reaches section 32 too.
        P_(SAFEGUARDED_SEARCH + "\n33. Misuse of powers\nA police officer who misuses the powers under this Part commits an offence and is liable on conviction to a fine.\n", "covered", None, id="24-general-safeguard-reaches-all"),
    ],
)
def test_safeguards_must_reach_every_power(text: str, status: str, unreached: str | None) -> None:
    finding = next(a for a in check_document(load(text.encode(), name="law.txt")).articles if a.article == 24)
    assert finding.status == status, finding.explanation
    assert unreached is None or unreached in finding.explanation
