"""Alignment engine behaviour per article: tiny laws in varied drafting traditions -> status.

Every assessed article has positive rows (covered, or partial where RUBRIC.md says so) and near
misses that must not count for it. Each row is one tiny law of one section, id "5" (or a few
sections via `make_law`). Rows marked xfail(strict) document a gap of the rules (convention data
or term lists): the suite stays green and the mark turns into an error once the gap is fixed.
"""

from __future__ import annotations

import pytest

from lexalign.assess import assess
from lexalign.convention import load_convention
from lexalign.match import match
from lexalign.models import Assessment, Convention, SegmentedLaw

from law_factory import make_law, one_section


@pytest.fixture(scope="module")
def convention() -> Convention:
    return load_convention()


def assess_one(law: SegmentedLaw, convention: Convention, article: int) -> Assessment:
    """The finding for one article of a tiny law."""
    findings = assess(law, match(law, convention), convention)
    return next(a for a in findings if a.article == article)


C, P, A = "covered", "partial", "absent"
P_ = pytest.param

# (article, heading, text, expected status). Positive rows expect section "5" in the evidence.
ROWS = [
    # ------------------------------------------------------------------ 7 illegal access
    # UK/Commonwealth: access to "a computer" without authority, penalty on conviction.
    P_(7, "Unauthorised access to computer", "A person who intentionally and without authorisation accesses the whole or any part of a computer system commits an offence and is liable on conviction to imprisonment for a term not exceeding five years.", C, id="7-uk-covered"),
    # US style "Whoever ... shall be punished".
    P_(7, "Illegal access", "Whoever knowingly accesses a computer without authorization or exceeds authorized access shall be punished by a fine or imprisonment for not more than two years, or both.", C, id="7-us-covered"),
    # Civil-law translation: penalty first, "anyone who".
    P_(7, "Illegal access", "Shall be punished by imprisonment from one to three years and a fine anyone who, without right, accesses an information system or any part thereof.", C, id="7-civil-covered"),
    # Only government computers: partial (one class of system).
    P_(7, "Access to government computers", "A person who, without lawful authority, accesses a government computer commits an offence and is liable on conviction to a fine or to imprisonment for a term not exceeding ten years.", P, id="7-government-only-partial"),
    # Only "protected computers".
    P_(7, "Access to protected computer", "Any person who knowingly and without authority secures access to a protected computer shall be guilty of an offence and liable on conviction to imprisonment for twenty years.", P, id="7-protected-only-partial"),
    # An information infrastructure is a system; one limited to critical ones narrows the offence.
    P_(7, "Cyber espionage", "A person who unlawfully and intentionally gains access to a national critical information infrastructure commits an offence and is liable on conviction to imprisonment for twenty years.", P, id="7-critical-information-infrastructure-partial"),
    # Near miss: access to premises, no computer.
    P_(7, "Trespass", "A person who without lawful excuse enters or gains access to any premises of the Authority commits an offence and is liable on conviction to a fine.", A, id="7-miss-premises"),
    # Near miss: a search warrant power mentioning access to a computer (no offence).
    P_(7, "Search warrant", "A magistrate may issue a warrant authorising a police officer to enter premises and to access any computer found there for the purpose of obtaining evidence of an offence.", A, id="7-miss-warrant"),
    # Near miss: exception clause.
    P_(7, "Saving", "Nothing in this section makes it an offence for an employee to access a computer system in the ordinary course of employment.", A, id="7-miss-nothing-in-section"),
    # Near miss: repealed section.
    P_(7, "Unauthorised access", "[Repealed by Act 4 of 2015.]", A, id="7-miss-repealed"),
    # Near miss: heading alone with a text about something else.
    P_(7, "Unauthorised access to computer", "The Minister may make regulations prescribing the form of notices under this Part.", A, id="7-miss-heading-only"),
    # ------------------------------------------------------------------ 8 illegal interception
    P_(8, "Illegal interception", "A person who intentionally and without authorisation intercepts, by technical means, any non-public transmission of computer data to, from or within a computer system commits an offence and is liable on conviction to imprisonment for a term not exceeding five years.", C, id="8-uk-covered"),
    P_(8, "Interception", "Whoever, without right, intercepts by technical means any transmission of computer data to, from or within a computer system that is not intended for the public shall be punished by imprisonment of up to three years.", C, id="8-us-covered"),
    # Voice only: partial.
    P_(8, "Interception of telephone calls", "A person who intentionally intercepts, without lawful authority, a telephone conversation or any voice communication transmitted over a telecommunication network commits an offence and is liable on conviction to a fine or imprisonment for two years.", P, id="8-voice-only-partial"),
    # Near miss: definition of interception.
    P_(8, "Interpretation", "In this Act, \"interception\" means the acquisition of the contents of any transmission of computer data by technical means.", A, id="8-miss-definition"),
    # Near miss: a power to intercept (procedural, no offence).
    P_(8, "Interception warrant", "A judge may, on application by an authorised officer, issue a warrant authorising the interception of communications transmitted by means of a computer system.", A, id="8-miss-power"),
    # Near miss: exception.
    P_(8, "Exception", "Nothing in this section makes it an offence for a service provider to intercept a transmission where necessary for the operation of the network.", A, id="8-miss-exception"),
    # ------------------------------------------------------------------ 9 interference with data
    P_(9, "Interference with data", "A person who intentionally and without lawful excuse damages, deletes, alters or suppresses computer data commits an offence and is liable on conviction to imprisonment for a term not exceeding seven years.", C, id="9-uk-covered"),
    P_(9, "Data interference", "Shall be punished by imprisonment from two to five years anyone who, without right, deletes, damages, deteriorates, alters or suppresses electronic data.", C, id="9-civil-covered"),
    P_(9, "Damage to data", "Whoever knowingly and without authorization erases or modifies electronic data stored in a computer shall be punished by a fine or imprisonment for not more than five years.", C, id="9-us-covered"),
    # An e-mail is data: destroying or aborting it interferes with data.
    P_(9, "Unlawful destruction of electronic messages", "A person who unlawfully destroys or aborts any electronic mail commits an offence and is liable on conviction to a fine or to imprisonment for a term not exceeding two years.", C, id="9-email-is-data"),
    # Near miss: data protection duty of a controller, no offence.
    P_(9, "Security of personal data", "A data controller shall take appropriate measures to prevent the accidental loss, alteration or deletion of personal data.", A, id="9-miss-data-protection-duty"),
    # Near miss: damage to physical property.
    P_(9, "Malicious damage", "A person who wilfully and unlawfully damages any building or vehicle commits an offence and is liable on conviction to imprisonment for two years.", A, id="9-miss-physical-damage"),
    # Near miss: repealed.
    P_(9, "Interference with data", "[Repealed]", A, id="9-miss-repealed"),
    # ------------------------------------------------------------------ 10 system interference
    # Denying authorised users access to a system hinders its functioning.
    P_(10, "Denial of access", "A person who, without authority, denies or causes the denial of access to any person authorised to access a computer system commits an offence and is liable on conviction to imprisonment for three years.", C, id="10-denial-of-access"),
    P_(10, "System interference", "A person who intentionally and without authorisation seriously hinders the functioning of a computer system by inputting, transmitting, damaging, deleting or altering computer data commits an offence and is liable on conviction to imprisonment for ten years.", C, id="10-uk-covered"),
    P_(10, "Interference with computer systems", "Whoever, without right, obstructs, interrupts or interferes with the functioning of an information system shall be punished by imprisonment of up to five years.", C, id="10-us-covered"),
    # Only critical infrastructure: partial.
    P_(10, "Interference with critical infrastructure", "A person who without lawful authority hinders or interrupts the functioning of a computer system forming part of critical infrastructure commits an offence and is liable on conviction to imprisonment for life.", P, id="10-critical-only-partial"),
    # Near miss: obstructing an officer.
    P_(10, "Obstruction", "A person who obstructs or hinders an authorised officer in the exercise of powers under this Act commits an offence and is liable on conviction to a fine.", A, id="10-miss-obstruct-officer"),
    # Near miss: provider's duty to keep systems running.
    P_(10, "Continuity of service", "A licensee shall ensure that the functioning of its computer systems is not interrupted for more than four hours in any month.", A, id="10-miss-provider-duty"),
    # ------------------------------------------------------------------ 11 misuse of devices
    P_(11, "Misuse of devices", "A person who, without lawful excuse, produces, sells, procures for use, imports, distributes or otherwise makes available, or possesses, a device or computer program designed primarily for committing an offence under sections 3 to 6, or a computer password or access code by which a computer system may be accessed, commits an offence and is liable on conviction to imprisonment for five years.", C, id="11-uk-covered"),
    # Devices but no passwords: partial.
    P_(11, "Making or supplying articles", "A person who makes, adapts, supplies, offers to supply or possesses any article or computer program intending it to be used to commit an offence under section 3 commits an offence and is liable on conviction to imprisonment for two years.", P, id="11-devices-no-passwords-partial"),
    # Passwords only, trafficking only (no possession): partial.
    P_(11, "Trafficking in passwords", "Whoever knowingly and with intent to defraud traffics in any password or similar information through which a computer may be accessed without authorization shall be punished by imprisonment for not more than one year.", P, id="11-us-passwords-only-partial"),
    # Near miss: duty to keep passwords secure.
    P_(11, "Security of credentials", "A service provider shall keep the passwords and access codes of its subscribers secure and shall not disclose them to any third party.", A, id="11-miss-password-duty"),
    # Near miss: type approval of telecom devices.
    P_(11, "Type approval", "No person shall sell or distribute any radio communication device unless the device has been type approved by the Authority.", A, id="11-miss-type-approval"),
    # ------------------------------------------------------------------ 12 forgery
    P_(12, "Computer-related forgery", "A person who intentionally and without right inputs, alters, deletes or suppresses computer data resulting in inauthentic data with the intent that it be considered or acted upon for legal purposes as if it were authentic commits an offence and is liable on conviction to imprisonment for five years.", C, id="12-uk-covered"),
    P_(12, "Electronic forgery", "Shall be punished by imprisonment from one to five years anyone who forges electronic data or an electronic document by entering, altering or deleting data with intent that it be used as genuine.", C, id="12-civil-covered"),
    # Near miss: forging a paper document.
    P_(12, "Forgery", "A person who makes a false document with intent that it be used as genuine commits an offence and is liable on conviction to imprisonment for seven years.", A, id="12-miss-paper-forgery"),
    # Near miss: legal recognition of electronic records.
    P_(12, "Legal recognition of electronic records", "Information shall not be denied legal effect, validity or enforceability solely on the ground that it is in the form of electronic data.", A, id="12-miss-e-records"),
    # ------------------------------------------------------------------ 13 fraud
    P_(13, "Computer-related fraud", "A person who, with intent to procure an economic benefit for himself or another, causes a loss of property to another by any input, alteration, deletion or suppression of computer data or by any interference with the functioning of a computer system commits an offence and is liable on conviction to imprisonment for ten years.", C, id="13-uk-covered"),
    P_(13, "Computer fraud", "Whoever knowingly and with intent to defraud uses a computer to obtain money or property by means of false pretences or by manipulating computer data shall be punished by imprisonment for not more than ten years.", C, id="13-us-covered"),
    # Only electronic fund transfers: partial.
    P_(13, "Electronic fund transfer fraud", "A person who fraudulently initiates an electronic fund transfer from the account of another person commits an offence and is liable on conviction to imprisonment for five years.", P, id="13-fund-transfer-only-partial"),
    # Near miss: ordinary fraud, no computer.
    P_(13, "Obtaining property by deception", "A person who by any deception dishonestly obtains property belonging to another with the intention of permanently depriving the other of it commits an offence and is liable on conviction to imprisonment for ten years.", A, id="13-miss-plain-fraud"),
    # ------------------------------------------------------------------ 14 CSAM
    P_(14, "Child pornography", "A person who produces child pornography for the purpose of its distribution through a computer system, offers or makes available, distributes or transmits child pornography through a computer system, or possesses child pornography in a computer system or on a computer-data storage medium commits an offence and is liable on conviction to imprisonment for fifteen years.", C, id="14-uk-covered"),
    # Only possession: partial.
    P_(14, "Possession of child sexual abuse material", "Whoever knowingly possesses any child sexual abuse material in electronic form shall be punished by imprisonment for not more than ten years.", P, id="14-us-possession-only-partial"),
    # Only distribution.
    P_(14, "Distribution of child pornography", "Shall be punished by imprisonment from three to ten years anyone who distributes or transmits child pornography by means of an information system.", P, id="14-civil-distribution-only-partial"),
    # Near miss: adult obscene material.
    P_(14, "Obscene publications", "A person who publishes or distributes obscene material by means of a computer system commits an offence and is liable on conviction to a fine.", A, id="14-miss-adult-obscenity"),
    # Near miss: definition of child pornography.
    P_(14, "Definitions", "In this Part, \"child pornography\" includes any visual depiction of a child engaged in sexually explicit conduct.", A, id="14-miss-definition"),
    # ------------------------------------------------------------------ 15 grooming
    P_(15, "Solicitation of children", "A person who, by means of a computer system, communicates with a child for the purpose of facilitating the commission of a sexual offence against that child commits an offence and is liable on conviction to imprisonment for ten years.", C, id="15-uk-covered"),
    P_(15, "Online grooming", "Whoever uses the internet to knowingly solicit or entice a minor to engage in sexual activity shall be punished by imprisonment for not less than five years.", C, id="15-us-covered"),
    # Near miss: child protection duties of schools, no sexual purpose.
    P_(15, "Online safety of children", "The Ministry shall promote education of children on the safe use of the internet.", A, id="15-miss-education"),
    # Near miss: grooming offence without ICT means is still not this article's ICT offence? Rubric: covered needs ICT. Soliciting face to face.
    P_(15, "Meeting a child following sexual grooming", "A person who intentionally meets a child, having met or communicated with the child on at least two earlier occasions, intending to commit a sexual offence against the child, commits an offence and is liable on conviction to imprisonment for ten years.", P, id="15-no-ict-partial"),
    # ------------------------------------------------------------------ 16 intimate images
    P_(16, "Non-consensual sharing of intimate images", "A person who publishes, distributes or transmits an intimate image of another person without the consent of that person commits an offence and is liable on conviction to imprisonment for three years.", C, id="16-uk-covered"),
    P_(16, "Revenge pornography", "Shall be punished by imprisonment of up to two years anyone who disseminates, without the consent of the person depicted, images or videos of a sexual nature of that person.", C, id="16-civil-covered"),
    # Only capturing, not distributing: the rubric's partial, but "distribute" is core -> absent.
    P_(16, "Voyeurism", "A person who, without consent, records an image of another person's private parts commits an offence and is liable on conviction to imprisonment for two years.", A, id="16-miss-capture-only"),
    # Near miss: publishing a photograph of a court witness.
    P_(16, "Publication of identity of witnesses", "No person shall publish a photograph of a witness in proceedings under this Act without the leave of the court.", A, id="16-miss-witness-photo"),
    # ------------------------------------------------------------------ 17 laundering
    P_(17, "Laundering", "A person who converts or transfers property knowing that it is the proceeds of an offence under this Act, for the purpose of concealing its illicit origin, commits the offence of money laundering and is liable on conviction to imprisonment for ten years.", C, id="17-uk-covered"),
    P_(17, "Predicate offences", "Every offence under this Act shall be a predicate offence for the purposes of the Anti-Money Laundering Act.", C, id="17-predicate-covered"),
    # Near miss: proceeds confiscation without laundering.
    P_(17, "Forfeiture", "The court may order the forfeiture of any computer used in the commission of an offence under this Act.", A, id="17-miss-forfeiture"),
    # ------------------------------------------------------------------ 18 legal persons
    P_(18, "Offences by bodies corporate", "Where an offence under this Act is committed by a body corporate, the body corporate is liable on conviction to a fine not exceeding ten million dollars.", C, id="18-uk-covered"),
    P_(18, "Liability of legal persons", "Legal persons shall be held criminally liable for the offences provided for in this Law committed on their behalf by any natural person holding a leading position within the legal person.", C, id="18-civil-covered"),
    # Near miss: a company's duty to register.
    P_(18, "Registration", "Every body corporate providing a service under this Act shall register with the Authority.", A, id="18-miss-registration"),
    # ------------------------------------------------------------------ 19 participation, attempt
    P_(19, "Aiding and abetting", "A person who aids, abets, counsels or procures the commission of an offence under this Act commits an offence and is liable on conviction to the punishment provided for that offence.", C, id="19-uk-covered"),
    P_(19, "Attempt and complicity", "Whoever attempts to commit, or aids or abets the commission of, any offence under this Act shall be punished as if he had committed that offence.", C, id="19-us-covered"),
    # Attempt only: partial.
    P_(19, "Attempt", "Any person who attempts to commit an offence under this Act commits an offence and is liable on conviction to the punishment provided for that offence.", P, id="19-attempt-only-partial"),
    # Near miss: assistance to an officer.
    P_(19, "Duty to assist", "A service provider shall assist an authorised officer in the exercise of the officer's powers under this Act.", A, id="19-miss-assist-officer"),
    # ------------------------------------------------------------------ 20 limitation
    P_(20, "Limitation of proceedings", "Proceedings for an offence under this Act may be brought at any time within six years after the commission of the offence.", C, id="20-uk-covered"),
    P_(20, "Prescription", "The statute of limitations for the offences provided for in this Law shall be ten years.", C, id="20-civil-covered"),
    # Near miss: a time limit to appeal.
    P_(20, "Appeal", "A person aggrieved by a decision of the Authority may appeal to the High Court within thirty days of the decision.", A, id="20-miss-appeal-time"),
    # Near miss: administrative licence fee.
    P_(21, "Licence fees", "Every licensee shall pay to the Authority an annual fee as prescribed by regulations.", A, id="21-miss-fee"),
    # ------------------------------------------------------------------ 22 jurisdiction
    P_(22, "Jurisdiction", "The courts have jurisdiction over an offence under this Act committed within the territory of the State, on board a ship or aircraft registered in the State, or outside the State by a citizen of the State.", C, id="22-uk-covered"),
    P_(22, "Territorial scope", "This Act applies to an offence where the computer, program or data was in the country at the material time, and to an offence committed outside the country by a national.", C, id="22-system-in-territory-covered"),
    # Territory only: partial (extraterritorial missing).
    P_(22, "Jurisdiction", "The High Court has jurisdiction to try offences under this Act committed within the territory of the Republic.", P, id="22-territory-only-partial"),
    # Near miss: jurisdiction of a tribunal over licence disputes.
    P_(22, "Jurisdiction of the Tribunal", "The Tribunal shall have jurisdiction to hear and determine disputes between licensees.", A, id="22-miss-tribunal"),
    # ------------------------------------------------------------------ 23 scope of procedure
    # Near miss: a saving clause, "without prejudice to" the powers of other Acts, adds no power.
    P_(23, "Scope of procedural provisions", "The powers and procedures provided under this Part are without prejudice to the powers granted under the Police Act and any other relevant law for the investigation of offences.", A, id="23-miss-without-prejudice-saving"),
    P_(23, "Scope of procedural powers", "The powers conferred by this Part apply to the investigation of offences under this Act, of any other offence committed by means of a computer system, and to the collection of evidence in electronic form of any offence.", C, id="23-covered"),
    P_(23, "Scope of powers", "The powers of search, seizure, preservation and production conferred by sections 20 to 26 may be exercised only for the investigation of an offence under this Act.", P, id="23-own-offences-only-partial"),
    P_(23, "Application of this Part", "The powers of search, seizure, preservation and production in this Part may be exercised only in relation to an offence under this Act.", P, id="23-in-this-part-partial"),
    # Near miss: general scope of Act.
    P_(23, "Application", "This Act applies to the Government and to every statutory body.", A, id="23-miss-general-application"),
    # ------------------------------------------------------------------ 24 safeguards
    P_(24, "Conditions for warrants", "A judge may issue a warrant to search a computer system or to intercept communications under this Part only if satisfied that there are reasonable grounds to believe that the data sought are relevant to a criminal investigation; the warrant shall specify the data concerned and shall remain in force for a period not exceeding thirty days.", C, id="24-covered"),
    P_(24, "Conditions for warrants", "A judge may issue a warrant to search a computer system or to intercept communications under this Part only if satisfied that there are reasonable grounds to believe that the data sought are relevant to a criminal investigation; the warrant shall specify the data concerned and shall be valid for no longer than thirty days.", C, id="24-valid-no-longer-than"),
    # Near miss: a complaints procedure is not a safeguard of investigative powers.
    P_(24, "Complaints", "Any person may lodge a complaint with the Authority about the conduct of a licensee.", A, id="24-miss-complaints"),
    # ------------------------------------------------------------------ 25 preservation
    P_(25, "Preservation order", "Where a police officer has reasonable grounds to believe that specified computer data stored in a computer system is vulnerable to loss or modification, the officer may, by written notice, require the person in control of the data to preserve the data for a period not exceeding ninety days.", C, id="25-uk-covered"),
    P_(25, "Expedited preservation", "The public prosecutor may order any person to preserve without delay specified stored computer data in that person's possession or control.", C, id="25-civil-covered"),
    # Near miss: record retention duty of companies.
    P_(25, "Retention of records", "Every company shall keep its accounting records for a period of seven years.", A, id="25-miss-record-keeping"),
    # Near miss: preservation of the environment.
    P_(25, "Objects of the Authority", "The Authority shall promote the preservation of cultural heritage.", A, id="25-miss-heritage"),
    # ------------------------------------------------------------------ 26 traffic data preservation / disclosure
    P_(26, "Preservation and partial disclosure of traffic data", "A service provider served with a preservation order in respect of traffic data shall preserve that traffic data and shall disclose to the authorised officer without delay sufficient traffic data to identify the other service providers and the path through which the communication was transmitted.", C, id="26-covered"),
    P_(26, "Preservation of traffic data", "An investigating officer may, by notice in writing, require a service provider to preserve specified traffic data for a period of ninety days.", P, id="26-preservation-only-partial"),
    # Near miss: definition of traffic data.
    P_(26, "Interpretation", "In this Act, \"traffic data\" means any computer data relating to a communication indicating its origin, destination, route, time, date, size or duration.", A, id="26-miss-definition"),
    # ------------------------------------------------------------------ 27 production order
    P_(27, "Production order", "A judge may order a person in the territory to submit specified computer data in that person's possession or control, and a service provider to submit subscriber information relating to its services in that provider's possession or control.", C, id="27-covered"),
    # Stored data only: partial.
    P_(27, "Production of data", "A police officer may, by written notice, require any person to produce specified computer data stored in a computer system in that person's possession or control.", P, id="27-data-only-partial"),
    # Near miss: production of a licence on demand.
    P_(27, "Production of licence", "A licensee shall produce the licence for inspection on demand by an officer of the Authority.", A, id="27-miss-licence"),
    # ------------------------------------------------------------------ 28 search and seizure
    P_(28, "Search and seizure", "A magistrate may issue a warrant authorising a police officer to search or otherwise access a computer system or a computer-data storage medium and to seize or copy any computer data found there.", C, id="28-covered"),
    # Search only: partial.
    P_(28, "Access to computer", "Under a warrant issued under this Act, a police officer may access and inspect the operation of any computer system.", P, id="28-search-only-partial"),
    # Near miss: search of a person for weapons.
    P_(28, "Search of persons", "A police officer may search any person found on premises entered under this section for weapons.", A, id="28-miss-person-search"),
    # ------------------------------------------------------------------ 29 real-time traffic data
    P_(29, "Real-time collection of traffic data", "A judge may order a service provider to collect or record in real time traffic data associated with specified communications transmitted by means of a computer system.", C, id="29-covered"),
    # Near miss: retention of traffic data for billing.
    P_(29, "Billing", "A licensee may process traffic data only for the purpose of subscriber billing.", A, id="29-miss-billing"),
    # ------------------------------------------------------------------ 30 interception of content
    P_(30, "Interception of content data", "A judge may, on application by the public prosecutor, issue a warrant authorising the interception in real time of the content of specified communications transmitted by means of a computer system.", C, id="30-covered"),
    # Near miss: the offence of illegal interception is article 8, not a power.
    P_(30, "Illegal interception", "A person who intentionally and without right intercepts any non-public transmission of computer data commits an offence and is liable on conviction to imprisonment for five years.", A, id="30-miss-offence"),
    # ------------------------------------------------------------------ 31 confiscation
    P_(31, "Confiscation", "Where a person is convicted of an offence under this Act, the court may order the freezing, seizure and confiscation of the proceeds of the offence and of any property or instrumentalities used in its commission.", C, id="31-covered"),
    # Only forfeiture of devices: partial.
    P_(31, "Forfeiture", "The court convicting a person of an offence under this Act may order the forfeiture of any computer or other device used in the commission of the offence.", P, id="31-devices-only-partial"),
    # Near miss: seizure of a licence for breach.
    P_(31, "Cancellation of licence", "The Authority may cancel the licence of a licensee that fails to pay the prescribed fee.", A, id="31-miss-licence"),
    # ------------------------------------------------------------------ 32 criminal record
    P_(32, "Foreign convictions", "In determining the sentence for an offence under this Act, the court may take into account any previous conviction of the accused in another State for a similar offence.", C, id="32-covered"),
    # Near miss: previous conviction, domestic only.
    P_(32, "Second offence", "A person convicted of a second offence under this section is liable to double the penalty.", A, id="32-miss-domestic"),
    # ------------------------------------------------------------------ 33 witnesses
    P_(33, "Protection of witnesses", "The court may order measures for the protection of a witness or expert who gives testimony concerning an offence under this Act, including non-disclosure of the identity and whereabouts of that person.", C, id="33-covered"),
    # Near miss: summons of witnesses.
    P_(33, "Summons", "The Tribunal may summon any person to appear before it as a witness.", A, id="33-miss-summons"),
    # ------------------------------------------------------------------ 34 victims
    P_(34, "Assistance to victims", "The court may order a person convicted of an offence under this Act to pay compensation to the victim, and may order a service provider to remove or disable access to child sexual abuse material or intimate images published in the commission of the offence.", C, id="34-covered"),
    # Compensation only: partial.
    P_(34, "Compensation", "The court may order a person convicted of an offence under this Act to pay compensation to the victim of the offence.", P, id="34-compensation-only-partial"),
    # Near miss: consumer complaints.
    P_(34, "Consumer complaints", "A subscriber may lodge a complaint with the licensee about the quality of service.", A, id="34-miss-consumer"),
    # ------------------------------------------------------------------ 35 cooperation, general
    P_(35, "International cooperation", "The competent authorities shall cooperate with foreign States, to the widest extent possible, for the purposes of investigations and proceedings concerning offences related to computer systems and data, and for the collection of evidence in electronic form.", C, id="35-covered"),
    # Near miss: cooperation between domestic agencies.
    P_(35, "Cooperation between agencies", "The Authority shall cooperate with the police and other government agencies in the performance of its functions.", A, id="35-miss-domestic"),
    # ------------------------------------------------------------------ 36 personal data
    P_(36, "Use of personal data transferred", "Personal data transferred to a foreign State in response to a request under this Part may be used only for the purpose for which it was provided and shall not be transferred onward to a third State without the consent of the Attorney-General.", C, id="36-covered"),
    # Near miss: domestic data protection.
    P_(36, "Processing of personal data", "A data controller shall process personal data lawfully and fairly.", A, id="36-miss-domestic"),
    # ------------------------------------------------------------------ 37 extradition
    P_(37, "Extraditable offences", "An offence under this Act is an extraditable offence for the purposes of the Extradition Act.", C, id="37-covered"),
    P_(37, "Extradition", "Offences provided for in this Law shall be deemed to be included as extraditable offences in any extradition treaty existing between the Republic and another State.", C, id="37-civil-covered"),
    # Near miss: deportation of aliens.
    P_(37, "Deportation", "The Minister may order the deportation of a non-citizen whose presence is not conducive to the public good.", A, id="37-miss-deportation"),
    # ------------------------------------------------------------------ 38 transfer of sentenced persons
    P_(38, "Transfer of sentenced persons", "A person sentenced to imprisonment for an offence under this Act may be transferred to the State of which the person is a national to serve the remainder of the sentence.", C, id="38-covered"),
    # Near miss: transfer of a licence.
    P_(38, "Transfer of licence", "A licence granted under this Act shall not be transferred without the approval of the Authority.", A, id="38-miss-licence"),
    # ------------------------------------------------------------------ 39 transfer of proceedings
    P_(39, "Transfer of criminal proceedings", "The Attorney-General may transfer proceedings for the prosecution of an offence under this Act to a foreign State, or accept the transfer of such proceedings from a foreign State, where this serves the proper administration of justice.", C, id="39-covered"),
    # Near miss: transfer of a case between domestic courts.
    P_(39, "Transfer of cases", "The Chief Justice may transfer any proceedings from one magistrate's court to another.", A, id="39-miss-domestic"),
    # ------------------------------------------------------------------ 40 mutual legal assistance
    P_(40, "Mutual legal assistance", "The Attorney-General is the central authority for requests for mutual legal assistance from foreign States in matters under this Act. A request may be refused if its execution would prejudice the sovereignty, security or public order of the State.", C, id="40-covered"),
    # General statement only: partial.
    P_(40, "Mutual assistance", "The competent authorities may provide mutual legal assistance to a foreign State in investigations of offences under this Act.", P, id="40-general-only-partial"),
    # Near miss: assistance to the Authority by ministries.
    P_(40, "Assistance to the Authority", "Every ministry shall provide the Authority with such assistance as it may reasonably request.", A, id="40-miss-domestic"),
    # ------------------------------------------------------------------ 41 24/7 network
    P_(41, "24/7 point of contact", "The Minister shall designate a point of contact available twenty-four hours a day, seven days a week, to ensure immediate assistance for investigations concerning offences related to computer systems.", C, id="41-covered"),
    # Near miss: office hours of the registry.
    P_(41, "Registry", "The registry of the Tribunal shall be open to the public from 8 a.m. to 4 p.m. on working days.", A, id="41-miss-office-hours"),
    # Near miss: point of contact without 24/7.
    P_(41, "Contact point", "The Authority shall designate an officer as its contact point for licensees.", A, id="41-miss-no-availability"),
    # ------------------------------------------------------------------ 42 foreign preservation request
    P_(42, "Preservation at the request of a foreign State", "On a request by a foreign State, the Attorney-General may apply for an order for the expeditious preservation of specified computer data stored in a computer system in the territory.", C, id="42-covered"),
    # Near miss: domestic preservation.
    P_(42, "Preservation order", "A police officer may require a person to preserve specified stored computer data for ninety days.", A, id="42-miss-domestic"),
    # ------------------------------------------------------------------ 43 foreign traffic disclosure
    P_(43, "Disclosure of preserved traffic data", "Where, in executing a request of a foreign State for preservation of traffic data, it is discovered that a service provider in another State was involved in the transmission, sufficient traffic data shall be expeditiously disclosed to the requesting State to identify that service provider and the path of the communication.", C, id="43-covered"),
    # Near miss: domestic disclosure of traffic data.
    P_(43, "Disclosure of traffic data", "A service provider shall disclose traffic data to a police officer who presents a production order.", A, id="43-miss-domestic"),
    # ------------------------------------------------------------------ 44 foreign access to stored data
    P_(44, "Access to stored data for a foreign State", "On a request of a foreign State, the competent authority may search or similarly access, seize or similarly secure, and disclose data stored by means of a computer system located within the territory.", C, id="44-covered"),
    # Near miss: domestic search.
    P_(44, "Search", "A police officer may, under a warrant, search a computer system and seize data stored in it.", A, id="44-miss-domestic"),
    P_(44, "Mutual assistance", "At the request of a foreign State, the central authority may obtain access to computer data held within the territory and provide it to the requesting State.", C, id="44-access-covered"),
    # ------------------------------------------------------------------ 45 foreign real-time traffic
    P_(45, "Real-time collection for foreign States", "At the request of a foreign State, a judge may order the real-time collection of traffic data associated with specified communications in the territory transmitted by means of a computer system.", C, id="45-covered"),
    # Near miss: domestic real-time collection.
    P_(45, "Real-time collection of traffic data", "A judge may order a service provider to collect traffic data in real time.", A, id="45-miss-domestic"),
    # ------------------------------------------------------------------ 46 foreign interception
    P_(46, "Interception on behalf of a foreign State", "At the request of a foreign State, a judge may authorise the real-time interception of the content of specified communications transmitted by means of a computer system.", C, id="46-covered"),
    # Near miss: domestic interception power.
    P_(46, "Interception of content", "A judge may authorise the interception of the content of specified communications.", A, id="46-miss-domestic"),
    # A threat to damage a computer, made to extort money, is not the damage itself.
    P_(10, "Extortion", "Whoever, with intent to extort from any person any money, transmits any communication containing any threat to cause damage to a protected computer shall be punished with imprisonment for not more than five years.", A, id="10-miss-threat-to-damage"),
    # A duty to report attacks names the attack; failing to report is not hindering a system.
    P_(10, "Reporting of cyber threats", "A person who operates a computer system shall immediately inform the Committee of any attacks, intrusions and other disruptions to the functioning of another computer system, and a person who fails to do so commits an offence and is liable on conviction to a fine.", A, id="10-miss-reporting-duty"),
    # Destroying data to obstruct an investigation is an offence against justice, not data interference.
    P_(9, "Obstruction of investigation", "A person who intentionally and unlawfully destroys, deletes or alters computer data with intent to obstruct or delay investigation commits an offence and is liable on conviction to a fine.", A, id="9-miss-obstruction-of-investigation"),
    P_(9, "Extortion", "Whoever, with intent to extort from any person any money, transmits any communication containing any threat to delete computer data shall be punished with imprisonment for not more than five years.", A, id="9-miss-threat-to-delete"),
    # real-time collection of traffic data for a foreign State is article 45, even beside "specified communications"
    P_(46, "Assistance in real-time collection", "A requesting State may request the Central Authority to provide assistance in the real-time collection of traffic data associated with specified communications transmitted by means of a computer system.", A, id="46-miss-traffic-collection"),
    P_(46, "Interception for a foreign State", "A requesting State may request the Central Authority to provide assistance in the interception of specified communications transmitted by means of a computer system.", C, id="46-interception-of-communications"),
    # "friendly relations with foreign States" is a ground for a domestic power, not a foreign request
    P_(46, "Power to intercept", "The Minister may, if satisfied that it is necessary in the interest of the security of the State, friendly relations with foreign States or public order, direct an agency to intercept any information transmitted through a computer resource.", A, id="46-miss-foreign-relations-ground"),
    # ------------------------------------------------------------------ 47 law enforcement cooperation
    P_(47, "Police cooperation", "The police may exchange information with foreign law enforcement authorities and with Interpol to combat offences under this Act.", C, id="47-covered"),
    # Near miss: exchange of information between domestic regulators.
    P_(47, "Information sharing", "The Authority may share information with the Competition Commission.", A, id="47-miss-domestic"),
    # ------------------------------------------------------------------ 48 joint investigations
    P_(48, "Joint investigation teams", "The Attorney-General may enter into an agreement with the competent authorities of a foreign State to establish a joint investigation team for an investigation of an offence under this Act.", C, id="48-covered"),
    # Near miss: joint committee of ministries.
    P_(48, "Joint committee", "There is established a joint committee of the Ministry of Finance and the Ministry of Trade.", A, id="48-miss-joint-committee"),
    # ------------------------------------------------------------------ 53 prevention
    # A body coordinating cybercrime prevention programs with business: one preventive measure.
    P_(53, "Functions of the Centre", "The Centre shall coordinate the participation of the business sector and nongovernment organizations in cybercrime prevention programs.", P, id="53-prevention-programs-partial"),
    P_(53, "Prevention", "The Agency shall establish a national computer emergency response team, protect critical information infrastructure, and promote public awareness of cybersecurity and a mechanism for the public to report incidents.", C, id="53-covered"),
    # One measure only: partial.
    P_(53, "National CERT", "There is established a national computer incident response team responsible for responding to cybersecurity incidents.", P, id="53-cert-only-partial"),
    # Near miss: crime prevention in general.
    P_(53, "Road safety", "The Authority shall promote public awareness of road safety.", A, id="53-miss-road-safety"),
]


# Second pass: more drafting variants per article, written to probe the term lists.
ROWS += [
    # 7: UK "causes a computer to perform any function with intent to secure access".
    P_(7, "Unauthorised access to computer material", "A person is guilty of an offence if he causes a computer to perform any function with intent to secure access to any program or data held in any computer, the access he intends to secure is unauthorised, and he knows that it is; he is liable on conviction to imprisonment for two years.", C, id="7-uk-secure-access-covered"),
    # 7: civil-law "enters" an information system.
    P_(7, "Unlawful entry into an information system", "Anyone who fraudulently enters or remains in all or part of an automated data processing system shall be punished by two years' imprisonment and a fine.", C, id="7-civil-enters-remains-covered"),
    # 7: right of access to information (freedom of information), not an offence.
    P_(7, "Right of access to information", "Every person has a right of access to information held by a public body, including information stored in a computer system.", A, id="7-miss-access-to-information"),
    # 7: penalty for a different offence that mentions a computer.
    P_(7, "Theft of computer equipment", "A person who steals a computer commits an offence and is liable on conviction to imprisonment for three years.", A, id="7-miss-theft-of-hardware"),
    # 8: US wiretap style, covers electronic communications too.
    P_(8, "Interception of communications", "Whoever, without lawful authority, intentionally intercepts or endeavors to intercept any wire, oral, or electronic communication shall be punished by imprisonment for not more than five years.", C, id="8-us-wire-oral-electronic-covered"),
    # 8: civil-law translation.
    P_(8, "Illegal interception", "Shall be punished by imprisonment from six months to three years anyone who, without right, intercepts by technical means non-public transmissions of computer data to, from or within an information system, including electromagnetic emissions.", C, id="8-civil-covered"),
    # 8: lawful interception duty of providers (capability), not an offence.
    P_(8, "Interception capability", "Every service provider shall ensure that its network is capable of supporting the lawful interception of transmissions of computer data.", A, id="8-miss-capability-duty"),
    # 9: only with a further result (loss): partial.
    P_(9, "Damage to computer data causing loss", "A person who, with intent to cause wrongful loss, deletes or alters computer data and thereby causes loss to any person commits an offence and is liable on conviction to imprisonment for three years.", P, id="9-result-required-partial"),
    # 9: "renders inaccessible" civil form.
    P_(9, "Data interference", "Anyone who, without authorisation, destroys, erases or renders inaccessible computer data shall be punished by imprisonment of up to three years.", C, id="9-civil-renders-inaccessible-covered"),
    # 9: exception for backups.
    P_(9, "Exception", "Nothing in this section makes it an offence for a person to delete computer data which he is entitled to control.", A, id="9-miss-exception"),
    # 10: UK impairment ("impairs the operation of any computer").
    P_(10, "Impairing the operation of a computer", "A person who does any unauthorised act in relation to a computer with intent to impair the operation of any computer or to prevent or hinder access to any program or data held in any computer commits an offence and is liable on conviction to imprisonment for ten years.", C, id="10-uk-impair-covered"),
    # 10: civil denial of service.
    P_(10, "Obstruction of an information system", "Shall be punished by imprisonment from one to five years anyone who, without right, obstructs or disrupts the functioning of an automated data processing system.", C, id="10-civil-covered"),
    # 10: repealed.
    P_(10, "System interference", "[Repealed by Act No. 9 of 2019.]", A, id="10-miss-repealed"),
    # 11: civil translation listing devices, programs, passwords and access codes.
    P_(11, "Misuse of devices", "Shall be punished by imprisonment of up to two years anyone who, without right, produces, sells, imports, distributes or otherwise makes available, or possesses, a device or computer program designed for committing any of the offences in articles 3 to 6, or a password or access code enabling access to an information system.", C, id="11-civil-covered"),
    # 11: definition of access code.
    P_(11, "Interpretation", "In this section, \"access code\" means any password, code or other means of gaining access to a computer system.", A, id="11-miss-definition"),
    # 12: US style.
    P_(12, "Computer forgery", "Whoever, with intent to defraud, inputs, alters or deletes computer data so that inauthentic data results with the intent that it be acted upon as if it were authentic shall be punished by imprisonment for not more than five years.", C, id="12-us-covered"),
    # 12: electronic signature only: partial.
    P_(12, "Forgery of electronic signature", "A person who forges the electronic signature of another person commits an offence and is liable on conviction to imprisonment for three years.", P, id="12-e-signature-only-partial"),
    # 13: civil translation.
    P_(13, "Computer fraud", "Shall be punished by imprisonment from two to eight years anyone who, with the intent of procuring an unlawful economic gain, causes a loss of property to another by inputting, altering, deleting or suppressing computer data or interfering with the functioning of an information system.", C, id="13-civil-covered"),
    # 13: consumer protection rules for online sellers.
    P_(13, "Online sellers", "A person who sells goods by means of electronic commerce shall disclose the total price of the goods to the buyer.", A, id="13-miss-e-commerce"),
    # 14: US style, all conducts.
    P_(14, "Sexual exploitation of children", "Whoever knowingly produces, distributes, transmits, receives, accesses or possesses any child sexual abuse material by means of a computer shall be punished by imprisonment for not less than five years.", C, id="14-us-covered"),
    # 14: exception for law enforcement.
    P_(14, "Defences", "Nothing in this section makes it an offence for a police officer to possess child sexual abuse material for the purposes of an investigation.", A, id="14-miss-exception"),
    # 15: civil-law translation.
    P_(15, "Solicitation of minors", "Shall be punished by imprisonment from one to three years any adult who, through information and communication technologies, proposes to meet a minor for the purpose of committing a sexual offence against the minor.", C, id="15-civil-covered"),
    # 15: child sexual offence without any solicitation.
    P_(15, "Sexual assault of a child", "A person who sexually assaults a child commits an offence and is liable on conviction to imprisonment for life.", A, id="15-miss-assault-no-solicitation"),
    # 16: US style, "private sexual images".
    P_(16, "Disclosure of private sexual images", "Whoever discloses a private sexual photograph or film of an individual without the consent of that individual and with intent to cause distress shall be punished by imprisonment for not more than two years.", C, id="16-us-covered"),
    # 16: woman only: partial.
    P_(16, "Publication of intimate images of a woman", "A person who publishes or transmits an intimate image of a woman without her consent commits an offence and is liable on conviction to imprisonment for three years.", P, id="16-woman-only-partial"),
    # 17: this law's offences made predicates of the laundering offence.
    P_(17, "Money laundering", "An offence under this Act is a predicate offence for the purposes of the offence of money laundering under the Proceeds of Crime Act.", C, id="17-predicate-money-laundering-covered"),
    # 17: an anti-money-laundering reporting duty is not a laundering offence.
    P_(17, "Reporting of suspicious transactions", "A bank shall report to the Financial Intelligence Unit any transaction it suspects to be linked to money laundering.", A, id="17-miss-reporting-duty"),
    # 18: UK "body corporate ... guilty of the offence" with officers' liability.
    P_(18, "Offences by companies", "Where an offence under this Act has been committed by a company, every person who at the time was in charge of the company, as well as the company, shall be deemed to be guilty of the offence and shall be liable to be proceeded against and punished accordingly.", C, id="18-company-deemed-guilty-covered"),
    # 18: compliance officer duty.
    P_(18, "Compliance officer", "Every company licensed under this Act shall appoint a compliance officer.", A, id="18-miss-compliance-officer"),
    # 19: civil-law complicity.
    P_(19, "Complicity", "Any person who intentionally aids or abets the commission of any of the offences provided for in articles 3 to 10 of this Law shall be punished with the penalty provided for the offence.", C, id="19-civil-covered"),
    # 19: exception for security researchers.
    P_(19, "Exception", "Nothing in this Part makes it an offence to assist a service provider in testing the security of its own systems.", A, id="19-miss-exception"),
    # 20: civil "prescription" with years.
    P_(20, "Limitation period", "No prosecution for an offence under this Act shall be commenced after the expiry of five years from the date of the commission of the offence.", C, id="20-no-prosecution-commenced-covered"),
    # 21: civil remedy only.
    P_(21, "Civil remedy", "A person who suffers damage from a breach of this Act may sue for damages in a civil court.", A, id="21-miss-civil-remedy"),
    # 22: civil-law jurisdiction.
    P_(22, "Application in space", "This Law applies to offences committed on the territory of the Republic, on board ships flying its flag or aircraft registered under its laws, and to offences committed abroad by its nationals.", C, id="22-civil-covered"),
    # 22: choice of law clause of a contract statute.
    P_(22, "Governing law", "A contract concluded by electronic means shall be governed by the law chosen by the parties.", A, id="22-miss-governing-law"),
    # 23: general procedure scope, only evidence of other offences clause.
    P_(23, "Scope of procedural provisions", "The powers and procedures in this Part apply to criminal investigations and proceedings for offences under this Act, other criminal offences committed by means of a computer system, and the collection of electronic evidence of any criminal offence.", C, id="23-civil-covered"),
    # 24: judicial authorisation of interception only, duration and grounds: covered for that power.
    P_(24, "Authorisation of interception", "An interception warrant may be issued only by a judge, only where there are reasonable grounds to believe that it will provide evidence of a serious offence, and for a period not exceeding sixty days which may be renewed once.", C, id="24-interception-warrant-covered"),
    # 24: appointment of judges.
    P_(24, "Appointment of judges", "The President shall appoint judges of the High Court on the advice of the Judicial Service Commission.", A, id="24-miss-appointment"),
    # 25: US style provider preservation request.
    P_(25, "Preservation of evidence", "A provider of electronic communication services, upon the request of a governmental entity, shall take all necessary steps to preserve records and other evidence in its possession pending the issuance of a court order, for a period of ninety days.", C, id="25-us-covered"),
    # 26: civil form with partial disclosure.
    P_(26, "Expedited preservation and partial disclosure of traffic data", "The public prosecutor may order the expedited preservation of traffic data, regardless of whether one or more service providers were involved in the transmission, and the expedited disclosure of a sufficient amount of traffic data to identify the service providers and the path through which the communication was transmitted.", C, id="26-civil-covered"),
    # 27: UK "may by notice require" subscriber information and data.
    P_(27, "Disclosure of data", "An authorised officer may by notice in writing require a service provider to disclose subscriber information and any specified computer data stored in a computer system in its possession or control.", C, id="27-uk-notice-covered"),
    # 27: subscriber information only: partial.
    P_(27, "Subscriber information", "A judge may order a service provider offering its services in the territory to submit subscriber information relating to such services in its possession or control.", P, id="27-subscriber-only-partial"),
    # 28: civil form.
    P_(28, "Search and seizure of computer data", "The investigating judge may order the search of an information system or a computer-data storage medium and the seizure or copying of the computer data found there.", C, id="28-civil-covered"),
    # 28: seizure only: partial.
    P_(28, "Seizure of computer data", "A police officer executing a warrant may seize any computer or copy any computer data found on the premises.", P, id="28-seize-only-partial"),
    # 29: UK-style direction to a provider.
    P_(29, "Collection of traffic data", "Where traffic data are reasonably required for a criminal investigation, a judge may by order direct a service provider to collect or record traffic data in real time and provide them to an authorised officer.", C, id="29-uk-covered"),
    # 29: definition of traffic data.
    P_(29, "Interpretation", "In this Part, \"traffic data\" means computer data relating to a communication by means of a computer system indicating its origin, destination and route.", A, id="29-miss-definition"),
    # 30: executive interception direction.
    P_(30, "Power to intercept", "If satisfied that it is necessary in the interest of the security of the State, friendly relations with foreign States or public order, the Minister may direct an agency to intercept the content of any communication transmitted through a computer resource.", C, id="30-foreign-relations-ground-is-domestic"),
    P_(30, "Interception direction", "The Minister may issue an interception direction requiring a service provider to intercept and record the content of specified communications transmitted by means of a computer system.", C, id="30-direction-covered"),
    # 30: definition of interception.
    P_(30, "Interpretation", "In this Act, \"intercept\" in relation to a communication means to acquire its content during its transmission.", A, id="30-miss-definition"),
    # 31: civil-law confiscation.
    P_(31, "Confiscation", "In the case of conviction for an offence under this Law, the court shall order the confiscation of the instruments used and of the proceeds derived from the offence; the public prosecutor may order the freezing of such property pending trial.", C, id="31-civil-covered"),
    # 32: civil recidivism with foreign judgments.
    P_(32, "Recidivism", "Final convictions handed down by foreign courts for offences under this Law shall be taken into account for the purpose of establishing recidivism.", C, id="32-civil-covered"),
    # 33: anonymous testimony.
    P_(33, "Anonymity of witnesses", "The court may order that the identity of a witness who testifies in proceedings for an offence under this Act be withheld where the witness would otherwise be exposed to serious danger.", C, id="33-anonymity-covered"),
    # 34: removal of content only: partial.
    P_(34, "Removal of unlawful content", "A court may order a service provider to remove or disable access to child sexual abuse material or an intimate image published without consent.", P, id="34-removal-only-partial"),
    # 34: impact statement.
    P_(34, "Sentencing", "In determining the sentence the court shall have regard to the age of the offender.", A, id="34-miss-sentencing"),
    # 35: US-style.
    P_(35, "International assistance", "The Attorney General may cooperate with foreign governments and international organisations in the investigation and prosecution of computer crime and in obtaining electronic evidence.", C, id="35-us-covered"),
    # 36: personal data near miss: data localisation.
    P_(36, "Cross-border transfer of personal data", "A data controller shall not transfer personal data to a country outside the Republic unless that country ensures an adequate level of protection.", A, id="36-miss-data-protection-transfer"),
    # 37: exception clause.
    P_(37, "Political offences", "Nothing in this Act shall be construed as requiring the extradition of a person for a political offence.", A, id="37-miss-nothing-in-act"),
    # 38: civil-law.
    P_(38, "Transfer of prisoners", "A foreign national sentenced in the Republic for an offence under this Law may be transferred to his State of nationality to serve his sentence, in accordance with the applicable treaties.", C, id="38-civil-covered"),
    # 40: request contents and confidentiality.
    P_(40, "Requests for assistance", "A request for mutual legal assistance from a foreign State shall be addressed to the central authority and shall state the authority making the request, the subject of the investigation and the assistance sought. The central authority may refuse the request where the offence is a political offence.", C, id="40-request-form-covered"),
    # 41: civil-law.
    P_(41, "Contact point", "The National Police shall designate a contact point available twenty-four hours a day, seven days a week, to provide immediate assistance to foreign States in investigations concerning computer data.", C, id="41-civil-covered"),
    # 42: foreign request to preserve, civil form.
    P_(42, "Expedited preservation at the request of a foreign State", "Upon a request from a foreign State, the public prosecutor may order the expedited preservation of computer data stored in an information system located in the territory, in respect of which the requesting State intends to submit a request for mutual assistance.", C, id="42-civil-covered"),
    # 44: production for foreign State.
    P_(44, "Assistance in obtaining stored data", "Where a foreign State requests the search, seizure or disclosure of stored computer data, the Attorney-General may apply to a judge for a warrant under section 20.", C, id="44-warrant-covered"),
    # 47: police-to-police exchange and liaison officers.
    P_(47, "Exchange of information", "The police may exchange information with foreign police forces on offences under this Act, and may second liaison officers to them.", C, id="47-liaison-covered"),
    # 48: civil.
    P_(48, "Joint investigation teams", "By agreement with the competent authorities of one or more foreign States, the public prosecutor may set up a joint investigation team for a specific purpose and a limited period.", C, id="48-civil-covered"),
    # 53: two kinds of measures.
    P_(53, "Functions of the Cybersecurity Agency", "The Agency shall set security standards for critical information infrastructure, and conduct education and awareness campaigns on cyber threats for the public.", C, id="53-standards-awareness-covered"),
    # 53: heading only.
    P_(53, "Prevention of cybercrime", "The Agency shall submit an annual report to Parliament.", A, id="53-miss-heading-only"),
]

# Third pass: offences of the procedural part and other traps, and more procedural drafting.
ROWS += [
    # 7: failing to give an officer access to a computer is an obstruction offence, not illegal access.
    P_(7, "Obstruction", "A person who fails without reasonable excuse to give a police officer access to a computer system when required to do so under section 20 commits an offence and is liable on conviction to a fine.", A, id="7-miss-failure-to-give-access"),
    # 8: a provider's failure to carry out an interception direction is not illegal interception.
    P_(8, "Failure to assist with interception", "A service provider who fails to comply with an interception direction commits an offence and is liable on conviction to a fine not exceeding one million dollars.", A, id="8-miss-failure-to-intercept"),
    # 14: a provider's failure to report abuse material is not a dealing in it.
    P_(14, "Duty to report", "A service provider who becomes aware of child sexual abuse material on its service and fails to report it to the police commits an offence and is liable on conviction to a fine.", A, id="14-miss-failure-to-report"),
    # 16: naming a victim of a sexual offence is not an intimate image.
    P_(16, "Anonymity of victims", "A person who publishes the name or address of a victim of a sexual offence commits an offence and is liable on conviction to imprisonment for one year.", A, id="16-miss-victim-name"),
    # 25: magistrate's preservation order on application.
    P_(25, "Preservation of data", "A magistrate may, on the application of a police officer, order a person in control of a computer system to preserve specified computer data stored in it for a period not exceeding ninety days.", C, id="25-magistrate-order-covered"),
    # 28: UK warrant to search and seize.
    P_(28, "Search warrant", "A police officer acting under a warrant may enter any premises, search any computer system or data storage device found there, and seize or make a copy of any computer data.", C, id="28-uk-covered"),
    # 28: search of a vehicle.
    P_(28, "Search of vehicles", "A police officer may stop and search any vehicle reasonably suspected of carrying stolen goods.", A, id="28-miss-vehicle"),
    # 29: US pen register and trap and trace device order.
    P_(29, "Pen registers", "A court shall enter an order authorizing the installation and use of a pen register or a trap and trace device to record in real time the dialing, routing, addressing and signaling information of communications.", C, id="29-us-pen-register-covered"),
    # 30: US wiretap order.
    P_(30, "Interception orders", "A judge may enter an ex parte order authorizing the interception of wire, oral, or electronic communications within the territorial jurisdiction of the court.", C, id="30-us-covered"),
    # 31: civil forfeiture of proceeds and instrumentalities, with freezing.
    P_(31, "Forfeiture of proceeds", "Any property constituting the proceeds of an offence under this Act, and any property used to commit the offence, shall be forfeited to the State; the court may make a restraint order freezing such property pending trial.", C, id="31-forfeiture-restraint-covered"),
    # 33: a witness examined on oath.
    P_(33, "Examination of witnesses", "A witness shall be examined on oath before the Tribunal.", A, id="33-miss-examination"),
    # 35: civil-law cooperation.
    P_(35, "International cooperation", "The Republic shall cooperate with other States for the purpose of investigations and proceedings concerning offences related to information systems and for the collection of evidence in electronic form.", C, id="35-civil-covered"),
    # 36: conditions on personal data sent abroad.
    P_(36, "Conditions on the use of data", "The transmission of personal data to a foreign State under this Chapter may be made subject to the condition that the data are used only for the purposes stated in the request and are not transferred to a third State.", C, id="36-civil-covered"),
    # 37: US style.
    P_(37, "Extradition", "Offenses under this chapter shall be extraditable offenses under any extradition treaty to which the United States is a party.", C, id="37-us-covered"),
    # 40: a freedom of information request is not mutual assistance.
    P_(40, "Requests for information", "A request for information held by a public body shall be made in writing to the information officer of that body.", A, id="40-miss-foi-request"),
    # 41: a consumer helpline open day and night.
    P_(41, "Consumer helpline", "The Authority shall operate a helpline available twenty-four hours a day, seven days a week, for consumers to report electricity outages.", A, id="41-miss-helpline"),
    # 47: exchange with foreign tax authorities.
    P_(47, "Exchange of tax information", "The Commissioner may exchange information with the tax authorities of a foreign State under a double taxation agreement.", A, id="47-miss-tax-exchange"),
    # 48: a joint venture with a foreign company.
    P_(48, "Joint ventures", "The Corporation may enter into a joint venture with a foreign company for the construction of telecommunication networks.", A, id="48-miss-joint-venture"),
]

@pytest.mark.parametrize(("article", "heading", "text", "expected"), ROWS)
def test_article_status(convention: Convention, article: int, heading: str, text: str, expected: str) -> None:
    finding = assess_one(one_section(text, heading), convention, article)
    assert finding.status == expected, finding.explanation
    if expected != "absent":
        assert "5" in {e.provision for e in finding.evidence}


def test_every_assessed_article_has_a_positive_row_and_a_near_miss(convention: Convention) -> None:
    """The table must keep covering the whole assessed set, both ways."""
    positive = {row.values[0] for row in ROWS if row.values[3] != "absent"} | {row.values[0] for row in MULTI if row.values[4] != "absent"}
    negative = {row.values[0] for row in ROWS if row.values[3] == "absent"} | {row.values[0] for row in MULTI if row.values[4] == "absent"}
    assessed = {a.number for a in convention.articles if a.assessed}
    assert assessed <= positive, sorted(assessed - positive)
    assert assessed <= negative, sorted(assessed - negative)


# Laws of a few provisions: the context a provision is read in (chapeau and tail, cross-references,
# defined terms, sibling exceptions). (article, sections, children, defined terms, status, cited ids)
MULTI = [
    # An offence whose conduct is spelled out in another subsection of the same section ("either
    # subsection (2) or (3) applies"): the cited subsection is part of the offence; both are evidence.
    P_(9, [("3", "Unauthorised acts with intent to impair", "")],
       {"3": [("3.1", "(1) A person is guilty of an offence if he does any unauthorised act in relation to a computer and subsection (2) applies."),
              ("3.2", "(2) This subsection applies if the person intends by doing the act to impair the reliability of any data held in a computer."),
              ("3.3", "(3) A person guilty of an offence under this section is liable on conviction to imprisonment for a term not exceeding ten years.")]},
       {}, C, {"3.1", "3.2"}, id="offence-completed-by-sibling-subsection"),
    # Sanctions attach to an offence the Convention asks for: the penalty clause is the evidence,
    # whether it sits in the offence's own section, in a general penalty section or in a civil-law article.
    P_(21, [("3", "Unauthorised access", "A person who intentionally and without authority accesses a computer system commits an offence."),
            ("4", "Penalties", "A person who commits an offence under this Part is liable on conviction to a fine not exceeding one million dollars or to imprisonment for a term not exceeding ten years, or both.")],
       {}, {}, C, {"4"}, id="21-uk-general-penalty-section"),
    P_(21, [("3", "Computer intrusion", "No person shall intentionally access a computer without authorization."),
            ("4", "Penalty", "Whoever violates section 3 shall be punished by a fine under this title or imprisonment for not more than five years, or both.")],
       {}, {}, C, {"4"}, id="21-us-whoever-violates"),
    P_(21, [("3", "", "Fraudulently accessing all or part of an automated data processing system constitutes an offence."),
            ("9", "Sanctions", "The offences provided for in articles 3 to 8 shall be punished by imprisonment of one to five years and a fine of up to fifty thousand euros.")],
       {}, {}, C, {"9"}, id="21-civil-sanctions-article"),
    # A penalty with no offence of the Convention beside it implements nothing of article 21.
    P_(21, [("4", "Penalties", "A person who commits an offence under this Part is liable on conviction to a fine not exceeding one million dollars.")],
       {}, {}, A, set(), id="21-miss-penalty-without-offence"),
    # A chapeau with the offence words, one conduct per item: each item is its own evidence.
    P_(7, [("5", "Computer offences", "A person commits an offence and is liable on conviction to imprisonment for five years if, without lawful authority, he—")],
       {"5": [("5.a", "(a) accesses the whole or any part of a computer system; or"), ("5.b", "(b) intercepts any non-public transmission of computer data to or from a computer system.")]}, {}, C, {"5.a"}, id="chapeau-item-a-access"),
    P_(8, [("5", "Computer offences", "A person commits an offence and is liable on conviction to imprisonment for five years if, without lawful authority, he—")],
       {"5": [("5.a", "(a) accesses the whole or any part of a computer system; or"), ("5.b", "(b) intercepts any non-public transmission of computer data to or from a computer system.")]}, {}, C, {"5.b"}, id="chapeau-item-b-interception"),
    # A prohibition without penalty, made an offence by a penalty section that refers back to it:
    # the prohibition is the offence of illegal access (the penalty section is evidence of sanctions).
    P_(7, [("3", "Prohibition of unauthorised access", "No person shall, without authorisation, access a computer system."),
           ("9", "Penalties", "A person who contravenes section 3 commits an offence and is liable on conviction to imprisonment for three years.")],
       {}, {}, C, {"3"}, id="cross-reference-penalty"),
    # The prohibition alone, with no penalty anywhere: not an offence.
    P_(7, [("3", "Prohibition of unauthorised access", "No person shall, without authorisation, access a computer system.")], {}, {}, A, set(), id="prohibition-without-penalty"),
    # The law's own defined term ("computer material" defined as data) carries the object.
    P_(9, [("5", "Unauthorised modification", "A person who without authority erases or alters any computer material commits an offence and is liable on conviction to imprisonment for five years.")],
       {}, {"computer material": "any program or computer data held in a computer"}, C, {"5"}, id="defined-term-carries-data"),
    # A definitions section defining access and interception implements neither article.
    P_(7, [("2", "Interpretation", "In this Act, unless the context otherwise requires—")],
       {"2": [("2.a", "\"access\" means to instruct, communicate with, store data in or retrieve data from a computer system;"), ("2.b", "\"intercept\" means to acquire the content of a transmission of computer data by technical means;")]}, {}, A, set(), id="definitions-access"),
    P_(8, [("2", "Interpretation", "In this Act, unless the context otherwise requires—")],
       {"2": [("2.a", "\"access\" means to instruct, communicate with, store data in or retrieve data from a computer system;"), ("2.b", "\"intercept\" means to acquire the content of a transmission of computer data by technical means;")]}, {}, A, set(), id="definitions-interception"),
    # An offence with an exception subsection: the offence is cited, the exception is not.
    P_(7, [("5", "Illegal access", "")],
       {"5": [("5.1", "(1) A person who intentionally accesses a computer system without authorisation commits an offence and is liable on conviction to imprisonment for two years."),
              ("5.2", "(2) Nothing in this section makes it an offence for a person to access a computer system for the purpose of maintaining it under a contract with its owner.")]}, {}, C, {"5.1"}, id="offence-with-exception-subsection"),
    # A general offence beside an aggravated one for protected computers: full, not narrowed.
    P_(7, [("5", "Unauthorised access", "A person who without authorisation accesses a computer system commits an offence and is liable on conviction to imprisonment for two years."),
           ("6", "Access to protected computers", "A person who commits an offence under section 5 in respect of a protected computer is liable on conviction to imprisonment for ten years.")],
       {}, {}, C, {"5"}, id="general-plus-aggravated"),
    # Two repealed sections and a saving clause: nothing left for article 7.
    P_(7, [("5", "Unauthorised access", "[Repealed by Act 2 of 2020.]"), ("6", "Savings", "Nothing in this Act makes it an offence to access a computer system with the consent of its owner.")],
       {}, {}, A, set(), id="repealed-and-saving"),
]


@pytest.mark.parametrize(("article", "sections", "children", "defined", "expected", "cited"), MULTI)
def test_article_status_in_context(convention: Convention, article: int, sections: list, children: dict, defined: dict, expected: str, cited: set[str]) -> None:
    law = make_law(sections, children=children, defined_terms=defined)
    finding = assess_one(law, convention, article)
    assert finding.status == expected, finding.explanation
    assert {e.provision for e in finding.evidence} == cited


# French and Spanish laws: the same rules, with the words of convention/terms/fr.yaml and es.yaml.
FOREIGN = [
    # A present-tense verb is not a repeal marker ("supprime" is not "supprimé").
    P_("fr", 9, "Quiconque introduit, altère, efface ou supprime frauduleusement des données informatiques est puni d'un emprisonnement d'un an à cinq ans.", C, id="fr-9-supprime-is-not-repealed"),
    # An apostrophe inside a word is not a quoted term: this is not a definition.
    P_("fr", 41, "Un point de contact joignable vingt-quatre heures sur vingt-quatre, sept jours sur sept, est désigné afin d'assurer une assistance immédiate.", C, id="fr-41-apostrophe-is-not-a-quote"),
    P_("fr", 7, "Le fait d'accéder ou de se maintenir frauduleusement dans tout ou partie d'un système de traitement automatisé de données est puni de deux ans d'emprisonnement.", C, id="fr-7-acces-frauduleux"),
    P_("es", 7, "El que, sin estar debidamente autorizado, acceda al conjunto o a una parte de un sistema de información será castigado con pena de prisión de seis meses a dos años.", C, id="es-7-acceso"),
    P_("es", 7, "Artículo derogado.", A, id="es-7-derogado"),
    # "entrega" of data is not the surrender of a person
    P_("es", 37, "El proveedor de servicios deberá hacer entrega de los datos de abonado a la autoridad judicial que lo solicite.", A, id="es-37-entrega-de-datos"),
    # Obstructing the authorities is an exclusion; hindering a system's functioning is the offence itself.
    P_("fr", 10, "Le fait d'entraver ou de fausser le fonctionnement d'un système de traitement automatisé de données est puni de cinq ans d'emprisonnement.", C, id="fr-10-entraver-le-fonctionnement"),
    P_("fr", 10, "Le fait de faire obstacle au fonctionnement d'un système de traitement automatisé de données est puni de cinq ans d'emprisonnement.", C, id="fr-10-faire-obstacle-au-fonctionnement"),
    # A statement of the law's aims names investigative measures without establishing any.
    P_("es", 23, "La presente ley tiene por objeto tipificar los delitos cometidos contra los sistemas informáticos y establecer las medidas de investigación y de cooperación necesarias para su persecución.", A, id="es-23-objeto-is-policy"),
    P_("es", 23, "Las medidas de investigación previstas en este capítulo se aplicarán a los delitos previstos en esta ley, a cualquier otro delito cometido por medio de un sistema informático y a la obtención de pruebas en formato electrónico de cualquier delito.", C, id="es-23-ambito"),
]


@pytest.mark.parametrize(("language", "article", "text", "expected"), FOREIGN)
def test_article_status_in_other_languages(convention: Convention, language: str, article: int, text: str, expected: str) -> None:
    law = make_law([("5", "", text)], language=language)
    assert assess_one(law, convention, article).status == expected
