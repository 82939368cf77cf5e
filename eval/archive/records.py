# ruff: noqa: E501
"""The archive collection's releases, written by hand in the OSCE's register (not real releases).

Each record becomes one text dump (see build.py). `source` is one line as osce.org prints it,
offices comma-separated; `fields` are the fields of work; `date` fills the `- Date:` block when
the real page would show it there (the body's dateline, when there is one, is typed as is).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Record:
    """One hand-written release; body paragraphs are separated by blank lines."""

    stem: str
    type: str
    title: str
    place: str
    source: str
    fields: tuple[str, ...]
    body: str
    date: str = ""


RELEASES: list[Record] = []


def R(
    stem: str,
    type_: str,
    title: str,
    place: str,
    source: str,
    fields: str,
    body: str,
    date: str = "",
) -> None:
    """Add a record; fields are `; `-separated."""
    names = tuple(f.strip() for f in fields.split(";") if f.strip())
    RELEASES.append(Record(stem, type_, title, place, source, names, body, date))


# --- Elections -----------------------------------------------------------------------------

R(
    "h001_georgia_parliamentary_2020",
    "Press release",
    "Georgia’s parliamentary elections competitive, but pervasive allegations of pressure on voters undermined public confidence, international observers say",
    "TBILISI",
    "ODIHR, OSCE Parliamentary Assembly",
    "Elections",
    """TBILISI, 1 November 2020 – The 31 October parliamentary elections in Georgia were competitive and, overall, fundamental freedoms were respected, but pervasive allegations of pressure on voters and the blurring of the line between the ruling party and the state reduced public confidence in some aspects of the process, international observers said in a statement today.

The international election observation mission was a joint undertaking of the OSCE Office for Democratic Institutions and Human Rights (ODIHR) and the OSCE Parliamentary Assembly, together with the Parliamentary Assembly of the Council of Europe and the European Parliament. It deployed 32 long-term observers across the country in early October; on election day, 150 observers from 33 countries visited 900 polling stations.

“Voters had a genuine choice between many parties, and candidates could campaign freely despite the pandemic,” said Ambassador Tana de Zulueta, Head of the ODIHR election observation mission. “But the numerous reports of intimidation of public sector employees must be investigated promptly.”

Election day was generally calm and procedures were followed in most polling stations observed, although overcrowding and the presence of party coordinators outside stations were frequently noted. The counting was assessed negatively in one in ten stations observed, mostly because of procedural errors.

The mission will remain in Georgia to follow the second round and the handling of complaints, and a final report with recommendations will be published about eight weeks after the end of the process.""",
)

R(
    "h002_armenia_early_elections_2021",
    "Press release",
    "Armenia’s early parliamentary elections competitive and generally well-managed, but marked by intense polarization and inflammatory rhetoric",
    "YEREVAN",
    "ODIHR, OSCE Parliamentary Assembly",
    "Elections",
    """YEREVAN, 21 June 2021 – Armenia’s early parliamentary elections on 20 June were competitive and generally well-managed within a short timeframe, but were characterized by intense polarization and marred by increasingly inflammatory rhetoric among key contestants, international observers said today.

The joint observation mission of ODIHR, the OSCE Parliamentary Assembly and the Parliamentary Assembly of the Council of Europe noted that contestants were generally able to campaign freely and that fundamental freedoms of association and assembly were respected. At the same time, the observers were concerned by the use of administrative resources and by cases of vote-buying that were reported to the police.

“The people of Armenia turned out in large numbers, and the Central Electoral Commission administered the vote efficiently and transparently,” said Kari Henriksen, Special Co-ordinator and leader of the short-term OSCE observers. “Now all sides must refrain from harsh words and respect the outcome.”

On election day, 278 observers from 40 countries reported that voting was orderly, although secrecy of the vote was not always ensured because of the layout of polling stations. Persons with disabilities continued to face barriers to access.

The observers noted that the elections took place in the aftermath of the 2020 conflict, which dominated the campaign. ODIHR will publish a final report with recommendations, including on the legal framework for campaign finance.""",
)

R(
    "h003_serbia_needs_assessment_2022",
    "News",
    "ODIHR needs assessment mission visits Serbia ahead of April general elections",
    "BELGRADE",
    "ODIHR",
    "Elections",
    """BELGRADE, 18 February 2022 – An ODIHR needs assessment mission (NAM) visited Belgrade from 14 to 17 February to assess the pre-election environment and preparations for the general elections called for 3 April.

The NAM team met representatives of the Ministry of Foreign Affairs, the Republic Electoral Commission, the Regulatory Body for Electronic Media, political parties, civil society and the media. Interlocutors commented on recent amendments to the electoral legislation, which were adopted following an inter-party dialogue facilitated by the European Parliament.

Several interlocutors expressed concern about the imbalance in media coverage and the misuse of administrative resources, while others welcomed improvements in the voter register. The team recommended the deployment of an election observation mission with 20 long-term observers and 300 short-term observers.

The needs assessment report, which will be published on the ODIHR website, outlines the issues the mission would follow, including campaign finance, the resolution of election disputes and the participation of national minorities.""",
)

R(
    "h004_kyrgyzstan_presidential_2017",
    "Press release",
    "Kyrgyzstan’s presidential election contributes to strengthening democratic institutions, but cases of misuse of public resources and pressure on voters remain a concern, observers say",
    "BISHKEK",
    "ODIHR, OSCE Parliamentary Assembly",
    "Elections",
    """BISHKEK, 16 October 2017 – The 15 October presidential election in Kyrgyzstan contributed to the strengthening of democratic institutions by providing for an orderly transfer of power from one elected president to another, international observers said today. The election was competitive, as voters could choose from among a wide range of candidates, but cases of misuse of public resources, pressure on voters and vote buying remain a concern.

“This peaceful and competitive election is an important step for Kyrgyzstan,” said Ambassador Audrey Glover, Head of the ODIHR limited election observation mission. “The authorities should now address the allegations of pressure on public-sector workers and students.”

The observers noted that the Central Commission for Elections and Referenda worked transparently and that the new biometric voter identification equipment generally functioned well. However, a large number of voters were disenfranchised by the requirement to register biometric data in advance.

The mission deployed 290 observers from 40 countries, who visited more than 650 polling stations. Voting was well organized, but the counting was assessed negatively in a significant number of stations, mainly because of failure to follow procedures.""",
)

R(
    "h005_moldova_polling_staff_training",
    "News",
    "Polling station staff in Moldova learn how to keep the count transparent",
    "CHIȘINĂU",
    "Mission to Moldova",
    "Democratization",
    """CHIȘINĂU, 12 February 2019 – More than 400 polling station officials from the northern and southern districts of Moldova completed practical workshops this week on how to handle ballots, count votes in the presence of party representatives and fill in the result protocols correctly.

The workshops, organized by the Centre for Continuous Electoral Training with the support of the OSCE Mission to Moldova, used mock ballot boxes and role plays based on situations recorded by observers during previous votes, such as overcrowding, disputes over invalid ballots and assisted voting.

“Every voter must be able to trust that his or her ballot is counted exactly as it was cast,” said Claus Neukirch, Head of the OSCE Mission to Moldova. “Well-trained staff at every station are the first guarantee of that trust.”

A separate session was dedicated to persons with disabilities, with participants learning how to set up voting booths and provide assistance without compromising the secrecy of the vote. The Centre will distribute a revised handbook for station chairpersons in Romanian and Russian ahead of the 24 February parliamentary vote.""",
)

R(
    "h006_ukraine_presidential_2019",
    "Press release",
    "Ukraine’s presidential election competitive and fundamental freedoms respected, but trust undermined by misuse of incumbency, international observers say",
    "KYIV",
    "ODIHR, OSCE Parliamentary Assembly",
    "Elections",
    """KYIV, 1 April 2019 – The 31 March presidential election in Ukraine was competitive, and fundamental freedoms were generally respected, international observers said at a press conference in Kyiv today. Candidates could campaign freely, but the campaign was overshadowed by widespread allegations of vote-buying and misuse of state resources.

The observers noted that the election administration managed the process efficiently and that election day was assessed positively in most polling stations, although the Russian Federation’s occupation of Crimea and the armed conflict in certain areas of Donetsk and Luhansk regions meant that voting could not take place there.

“Voters in Ukraine were offered a genuine choice, and the vote was a clear step in the country’s democratic development,” said Ambassador Peter Tejler, Head of the ODIHR election observation mission. “The high number of candidates, however, put pressure on the election commissions.”

Some 800 observers from 46 countries took part in the observation. The mission will remain in the country for the second round on 21 April.""",
)

R(
    "h007_kazakhstan_presidential_2005",
    "Press release",
    "Kazakhstan presidential election shows some improvements but falls short of OSCE commitments",
    "ASTANA",
    "ODIHR, OSCE Parliamentary Assembly",
    "Elections",
    """ASTANA, 5 December 2005 – Despite some improvements in the administration of the 4 December presidential election in Kazakhstan, the election did not meet a number of OSCE commitments and other international standards for democratic elections, international observers said today.

The observers welcomed the efforts of the Central Election Commission to make the process more transparent, including the publication of results by polling station, but they noted restrictions on campaigning, intimidation of opposition supporters and a media environment dominated by the incumbent.

“There were genuine efforts by the election administration, but the authorities did not show enough political will to hold a genuinely good election,” said Bruce George, Special Co-ordinator of the OSCE observers and President emeritus of the OSCE Parliamentary Assembly.

Of the 460 observers deployed by ODIHR and the OSCE PA, many reported serious problems during the count, including ballot stuffing and multiple voting in a number of polling stations. The observers also noted the improper presence of unauthorized persons in counting rooms.""",
)

R(
    "h008_georgia_voter_education_2007",
    "News",
    "OSCE supports voter information campaign ahead of Georgia’s early presidential election",
    "TBILISI",
    "OSCE Mission to Georgia (closed)",
    "Elections; Democratization",
    """TBILISI, 20 December 2007 – The OSCE Mission to Georgia is supporting a nationwide voter information campaign ahead of the 5 January early presidential election, including television spots, posters and leaflets in Georgian, Armenian and Azerbaijani.

The campaign, run with the Central Election Commission, explains where and how to vote, what documents voters need and how to check their names on the voter lists, which were updated in recent weeks. Special attention is paid to ethnic minority regions such as Samtskhe-Javakheti and Kvemo Kartli, where many voters do not read Georgian.

“Informed voters are the best defence against irregularities,” said Ambassador Terhi Hakala, Head of the OSCE Mission. “We hope the materials in minority languages will help every citizen take part.”

The Mission has also trained some 2,000 members of precinct election commissions on the new procedures for marking voters’ fingers with ink to prevent multiple voting.""",
)

R(
    "h009_bih_municipal_elections_2000",
    "Press release",
    "OSCE certifies results of general elections in Bosnia and Herzegovina",
    "SARAJEVO",
    "Mission to Bosnia and Herzegovina",
    "Elections",
    """SARAJEVO, 11 November 2000 – The Provisional Election Commission chaired by the Head of the OSCE Mission to Bosnia and Herzegovina today certified the final results of the general elections held on 11 November, and called on the elected parties to form governments without delay.

The elections, the fourth organized and supervised by the OSCE under the General Framework Agreement for Peace, were held for the State, Entity and cantonal levels. Turnout was estimated at 64 per cent, and some 700 international supervisors were present in polling stations throughout the country.

“The citizens of Bosnia and Herzegovina have once again voted in peace,” said Ambassador Robert Barry, Head of the Mission. “It is now time for the authorities to take full ownership of the electoral process, and for the new Election Law to be adopted.”

The Commission received more than 200 complaints, mostly on voter registration for displaced persons voting in their pre-war municipalities, and imposed fines on three parties for breaching the electoral rules.""",
)

R(
    "h010_montenegro_parliamentary_2023",
    "Press release",
    "Montenegro’s early parliamentary elections offered voters a choice, amid a prolonged institutional crisis, observers say",
    "PODGORICA",
    "ODIHR, OSCE Parliamentary Assembly",
    "Elections",
    """PODGORICA, 12 June 2023 – The 11 June early parliamentary elections in Montenegro were competitive and fundamental freedoms were respected, but they took place against the background of a prolonged political and institutional crisis, international observers said today.

The observers noted that the State Election Commission operated transparently, but that the legal framework remains incomplete and partly outdated, and that the Constitutional Court was unable to function for much of the past year. Women were significantly under-represented among candidates.

“Montenegro’s voters went to the polls for the second time in three months, and did so in a calm atmosphere,” said Ambassador Jan Petersen, Head of the ODIHR election observation mission. “Now the new parliament must address the long-standing recommendations on electoral reform.”

Some 230 observers from 36 countries were deployed. Voting was assessed positively in almost all polling stations visited, and counting was transparent although procedures were not always followed.""",
)

R(
    "h011_north_macedonia_2024",
    "Press release",
    "Elections in North Macedonia well run and competitive, but misuse of state resources and inflammatory rhetoric remain a concern",
    "SKOPJE",
    "ODIHR, OSCE Parliamentary Assembly, Mission to Skopje",
    "Elections",
    """SKOPJE, 9 May 2024 – The parliamentary elections and the second round of the presidential election held on 8 May in North Macedonia were competitive and efficiently administered, but the misuse of state resources and inflammatory rhetoric affected the level playing field, international observers said today.

The observers noted that the State Election Commission managed the process in a professional and transparent manner, and that the media offered voters a range of views. At the same time, the observers were concerned by the high number of public employment announcements during the campaign.

“Voters were given a real choice and the process was generally well run,” said Pia Kauma, Special Co-ordinator and leader of the short-term OSCE observer mission. “The next government should implement the remaining ODIHR recommendations on campaign finance.”

The OSCE Mission to Skopje supported the State Election Commission in training more than 10,000 members of electoral boards ahead of the elections.""",
)

R(
    "h012_turkiye_elections_2023",
    "Press release",
    "Türkiye’s elections offered voters genuine political alternatives, but the incumbent enjoyed an unjustified advantage, observers say",
    "ANKARA",
    "ODIHR, OSCE Parliamentary Assembly",
    "Elections",
    """ANKARA, 15 May 2023 — The 14 May presidential and parliamentary elections in Türkiye offered voters a choice between genuine political alternatives and voter turnout was high, but the ruling parties and the incumbent president enjoyed an unjustified advantage, including through biased media coverage, international observers said today.

The elections took place in the aftermath of the February earthquakes, which displaced millions of people. The observers noted that the Supreme Board of Elections took steps to allow displaced voters to vote, but that many had to travel long distances to do so.

“It is impressive that so many citizens voted just months after such a devastating disaster,” said Frank Schwabe, Head of the delegation of the Parliamentary Assembly of the Council of Europe. “But the lack of a level playing field cannot be ignored.”

The observation mission deployed 401 observers from 40 countries. A second round of the presidential election will take place on 28 May.""",
)

R(
    "h013_turkey_elections_2018",
    "Press release",
    "Turkish voters had a genuine choice but the incumbent president and his party enjoyed an undue advantage, observers say",
    "ANKARA",
    "ODIHR, OSCE Parliamentary Assembly",
    "Elections",
    """ANKARA, 25 June 2018 – Voters in Turkey had a genuine choice in the 24 June early presidential and parliamentary elections, but the incumbent president and his party enjoyed an undue advantage, including in excessive coverage by government-affiliated media, international observers said today.

The elections took place under a state of emergency that restricted fundamental freedoms of assembly and expression. One presidential candidate was held in pre-trial detention throughout the campaign.

“The restrictions on fundamental freedoms have had an impact on these elections,” said Ignacio Sanchez Amor, Special Co-ordinator and leader of the short-term OSCE observer mission. “The high turnout shows the commitment of the people of Turkey to democracy.”

Election day was well administered in most of the polling stations observed, but important procedural steps were often omitted during the count.""",
)

R(
    "h014_armenia_electoral_code_opinion",
    "News",
    "ODIHR and Venice Commission publish joint opinion on Armenia’s draft Electoral Code",
    "WARSAW",
    "ODIHR",
    "Elections; Rule of law",
    """WARSAW, 30 June – ODIHR and the Council of Europe’s Venice Commission today published a joint opinion on the draft Electoral Code of Armenia, prepared at the request of the Armenian authorities.

The opinion welcomes the draft’s provisions on the publication of voter lists and the introduction of technologies to identify voters, but expresses concern about the proposed “stable majority” bonus seats, which could undermine the principle of proportionality, and about the high threshold for parliamentary representation.

The two bodies recommend that the draft be discussed widely with opposition parties and civil society before its adoption, and that the rules on complaints and appeals be simplified so that voters and candidates can obtain an effective remedy within the electoral timeframe.

ODIHR has observed every national election in Armenia since 1995 and stands ready to continue its assistance in the reform of the electoral legislation.""",
    date="30 June 2016",
)

R(
    "h015_astana_youth_civic_forum",
    "News",
    "Young people in Kazakhstan discuss civic participation at forum in the capital",
    "NUR-SULTAN",
    "Programme Office in Astana",
    "Youth; Democratization",
    """NUR-SULTAN, 28 September 2021 – Some 120 young activists, students and representatives of youth councils from all 17 regions of Kazakhstan gathered in the capital on 27 and 28 September for a forum on civic participation organized by the OSCE Programme Office in Nur-Sultan.

Participants discussed how young people can engage with local authorities, volunteer in their communities and use digital tools to propose initiatives. Mentors from public councils explained how to submit petitions and how local budgets are prepared. Some participants said they planned to volunteer as observers during the local elections expected next year, and a short session was devoted to the role of young voters.

“Young people are not only the leaders of tomorrow but active citizens today,” said Ambassador Volker Frobarth, Head of the Programme Office. “We want them to have the skills and the confidence to shape decisions that concern them.”

The forum closed with a pitch competition in which five teams received small grants to implement community projects on environmental protection, inclusive education and road safety.""",
)

R(
    "h016_albania_poll_watchers_2021",
    "Feature",
    "Keeping the vote honest: Albania’s citizen monitors at work",
    "",
    "Presence in Albania",
    "Elections; Democratization",
    """On a cold Sunday morning in April, Erjona Hoxha arrived at her polling station in Elbasan at six o’clock, an hour before the doors opened. She was one of more than 1,500 domestic non-partisan monitors accredited for Albania’s parliamentary vote, many of them trained with the help of the OSCE Presence in Albania.

“People ask me why I do it for free,” she says. “I tell them that if nobody watches, nobody can be sure.” Over the following fifteen hours she recorded the opening procedures, the queue of voters and, after the close, every step of the count at the counting centre.

The Presence supported a coalition of civil society organizations in designing checklists, a reporting app and a hotline through which monitors could flag irregularities in real time. Reports of vote-buying and of pressure on public employees were passed to the Central Election Commission and to the prosecution service.

“Domestic monitors are the backbone of public confidence,” said Ambassador Vincenzo Del Monaco, Head of the Presence. Their findings, published in June, feed into the reform of the Electoral Code that parliament is expected to discuss this autumn.""",
    date="7 July 2021",
)

# --- Media freedom, safety of journalists ----------------------------------------------------

R(
    "h017_serbia_journalists_safety_2015",
    "Press release",
    "OSCE Mission to Serbia and journalists’ associations sign agreement on safety of journalists",
    "BELGRADE",
    "Mission to Serbia",
    "Media freedom and development",
    """BELGRADE, 25 April 2015- Seven journalists’ and media associations, the Republic Public Prosecutor’s Office and the Ministry of Interior today signed an agreement on co-operation and measures to raise the level of safety of journalists in Serbia, facilitated by the OSCE Mission to Serbia.

The agreement establishes contact points in every prosecutor’s office and police administration to deal with threats and attacks against journalists, and commits the parties to keeping a shared database of cases so that none is forgotten.

“Attacks on journalists are attacks on the public’s right to know,” said Ambassador Peter Burkhard, Head of the OSCE Mission to Serbia. “This agreement sends a clear message that such attacks will be investigated and prosecuted.”

According to the Independent Journalists’ Association of Serbia, 28 physical attacks and 34 verbal threats against journalists were recorded in 2014, and fewer than one in five cases ended in a conviction. The Mission will support the training of the contact points and an annual review of the agreement’s implementation.""",
)

R(
    "h018_kosovo_media_workers_assaults",
    "News",
    "Round table in Prishtinë/Priština looks at assaults and intimidation faced by media workers",
    "PRISHTINË/PRIŠTINA",
    "Mission in Kosovo",
    "Media freedom and development",
    """PRISHTINË/PRIŠTINA, 14 September 2021 – Editors, reporters’ unions, police investigators and prosecutors met at a round table organized by the OSCE Mission in Kosovo today to discuss how to respond faster when media professionals are assaulted, threatened or harassed because of their work.

The Association of Journalists of Kosovo registered 24 cases of physical assault, threats and damage to equipment in the first eight months of the year, many of them during the coverage of protests and court hearings. Participants noted that online threats, especially against women in the profession, are rarely prosecuted.

“When someone holding a camera or a notebook is beaten up and nobody is held to account, the whole society loses,” said Ambassador Michael Davenport, Head of the OSCE Mission in Kosovo. “Prompt and visible prosecution is the best deterrent.”

The Mission presented its monitoring of 37 such cases in the courts since 2018 and recommended that the prosecution designate specialized prosecutors, keep complainants informed and treat attacks on the media as an aggravating circumstance.""",
)

R(
    "h019_rfom_online_abuse_female_journalists",
    "Press release",
    "Online abuse of female journalists is an attack on media freedom, OSCE Representative says at expert meeting",
    "VIENNA",
    "Representative on Freedom of the Media",
    "Media freedom and development; Gender equality",
    """VIENNA, 9 March 2016 – Online harassment and abuse of female journalists have become a direct attack on freedom of expression and freedom of the media, OSCE Representative on Freedom of the Media Dunja Mijatović said today at an expert meeting on the safety of female journalists online.

More than 80 journalists, editors, representatives of internet intermediaries and government officials took part in the meeting, which heard testimonies from women reporters who had received threats of sexual violence and death threats after publishing their stories.

“We cannot allow these attacks to silence women’s voices in journalism,” Mijatović said. “Participating States must recognize that online threats are real threats, and treat them as such.”

The Representative presented a set of recommendations for states, media organizations and online platforms, including training for police and prosecutors, in-house support mechanisms in newsrooms and clear reporting channels on social media.""",
)

R(
    "h020_rfom_press_freedom_day_2019",
    "Statement",
    "Statement by OSCE Representative on Freedom of the Media Harlem Désir on World Press Freedom Day",
    "VIENNA",
    "Representative on Freedom of the Media",
    "Media freedom and development",
    """VIENNA, 3 May 2019 – On the occasion of World Press Freedom Day, OSCE Representative on Freedom of the Media Harlem Désir issued the following statement:

“Today we pay tribute to the journalists who lost their lives for doing their work. Since the beginning of my mandate, I have raised more than 60 cases of journalists killed, imprisoned or physically attacked in the OSCE region. Impunity for these crimes remains the norm rather than the exception.

“Journalists and media are also facing new forms of pressure: smear campaigns by politicians, strategic lawsuits designed to exhaust them financially, and surveillance of their communications. Free and pluralistic media are essential for democracy and for security.

“I call on all participating States to release all journalists imprisoned for their work, to investigate every attack swiftly and to ensure that media regulation is independent. My Office will continue to assist governments and the media community with legal reviews and training.”""",
)

R(
    "h021_rfom_belarus_journalists_2021",
    "Press release",
    "OSCE media freedom representative alarmed by forced landing of passenger plane and arrest of journalist in Belarus",
    "VIENNA",
    "Representative on Freedom of the Media",
    "Media freedom and development",
    """VIENNA, 24 May 2021 – The OSCE Representative on Freedom of the Media, Teresa Ribeiro, today expressed her alarm at the forced diversion of a commercial flight to Minsk and the subsequent arrest of a journalist and blogger who was on board.

“This is an unprecedented act that puts the safety of passengers at risk in order to silence a critical voice,” Ribeiro said. “I call on the authorities of Belarus to release him immediately.”

Ribeiro recalled that more than 30 media workers remain behind bars in Belarus, and that the accreditation of foreign media has been withdrawn and the websites of leading independent outlets blocked since the presidential election of August 2020.

The Representative said she will continue to raise individual cases with the Belarusian authorities and to follow the situation closely together with other OSCE institutions.""",
)

R(
    "h022_rfom_duve_yugoslavia_2001",
    "Press release",
    "OSCE media representative calls for reform of broadcasting law in Federal Republic of Yugoslavia",
    "VIENNA",
    "Representative on Freedom of the Media",
    "Media freedom and development",
    """VIENNA, 15 March 2001 – The OSCE Representative on Freedom of the Media, Freimut Duve, today presented a report on the media situation in the Federal Republic of Yugoslavia following his visit to Belgrade and Podgorica, calling for a swift adoption of a new broadcasting law and the transformation of the state broadcaster into a public service.

“The end of the old regime opened the door to free media, but the legal framework of repression is still in place,” Duve said. The Representative urged the repeal of the 1998 Public Information Law, under which independent newspapers had been fined and closed.

The report also recommends an independent licensing body for radio and television frequencies and the opening of archives on the surveillance of journalists. Duve offered the expertise of his Office to draft the new legislation together with the Council of Europe.""",
)

R(
    "h023_skopje_media_literacy_2020",
    "News",
    "Secondary school teachers in North Macedonia trained to teach media literacy",
    "SKOPJE",
    "Mission to Skopje",
    "Media freedom and development; Education",
    """SKOPJE, 2 October 2020 – Forty secondary school teachers from Skopje, Tetovo, Bitola and Štip completed a training course on media and information literacy organized by the OSCE Mission to Skopje and the Bureau for Development of Education.

Over four days, the teachers learned how to help their students recognize false and manipulated information, check sources and understand how algorithms shape what they see online. The course included a module on information shared during the COVID-19 pandemic.

“Young people receive most of their news from social networks,” said Ambassador Clemens Koja, Head of the OSCE Mission to Skopje. “Teaching them to think critically about what they read is one of the best investments a society can make.”

The teachers will pilot lesson plans in 20 schools during the school year, in Macedonian and Albanian, and share their experience through an online platform.""",
)

R(
    "h024_ukraine_conflict_reporting_safety",
    "News",
    "Reporters covering eastern Ukraine trained in first aid and personal safety",
    "KYIV",
    "Project Co-ordinator in Ukraine (closed)",
    "Media freedom and development",
    """KYIV, 10 June 2015 – Twenty-five journalists and camera operators from national and regional outlets who regularly travel to the conflict-affected areas of Donetsk and Luhansk regions completed a five-day course on personal safety and first aid, organized by the OSCE Project Co-ordinator in Ukraine with the National Union of Journalists of Ukraine.

Instructors with experience in conflict zones taught the participants how to assess risks before a trip, how to behave at checkpoints, how to react under shelling and how to give first aid to the wounded. Each participant received a protective vest, a helmet and a first-aid kit.

“Seven media workers have been killed in the conflict since last year,” said Vaidotas Verba, OSCE Project Co-ordinator in Ukraine. “Nothing is more important than coming back alive from an assignment.”

The course also covered the legal protection of journalists under international humanitarian law and the ethics of reporting on victims.""",
)

R(
    "h025_rfom_slapps_2023",
    "Press release",
    "Abusive lawsuits against journalists must be curbed, says OSCE media freedom representative at Vienna conference",
    "VIENNA",
    "Representative on Freedom of the Media",
    "Media freedom and development",
    """VIENNA, 23 October 2023 – Strategic lawsuits against public participation (SLAPPs) are increasingly used across the OSCE region to intimidate and silence journalists, OSCE Representative on Freedom of the Media Teresa Ribeiro said at a conference in Vienna today.

The conference brought together 150 lawyers, judges, editors and legislators to discuss anti-SLAPP legislation and procedural safeguards, such as the early dismissal of manifestly unfounded claims and caps on damages in defamation cases.

“A newsroom facing a dozen lawsuits from a single businessman stops investigating long before any judgement is handed down,” Ribeiro said. “Defamation should be decriminalized across the region.”

Participants shared examples from 14 participating States, and the Office presented a guide for judges on recognizing abusive litigation.""",
)

R(
    "h026_bishkek_police_press_officers",
    "News",
    "Police spokespersons in Kyrgyzstan learn to communicate with the public",
    "BISHKEK",
    "Programme Office in Bishkek",
    "Policing",
    """BISHKEK, 17 November 2020 – Twenty-two press officers of the Ministry of Interior of Kyrgyzstan completed a training course on public communication organized by the OSCE Programme Office in Bishkek.

The course covered the preparation of press releases, crisis communication and the use of social media to inform citizens about crime prevention. Several journalists from national media took part in a practice press conference on the last day and gave the participants feedback on their answers.

“Open communication builds trust between the police and the public,” said Ambassador Pierre von Arx, Head of the Programme Office. “People have a right to know what the police are doing for their safety.”

The training is part of the Programme Office’s support to police reform in Kyrgyzstan, which includes community policing, the introduction of a new performance evaluation system and the improvement of police training.""",
)

R(
    "h027_rfom_journalist_killed_statement",
    "Statement",
    "OSCE Representative condemns the killing of investigative journalist in Banja Luka",
    "VIENNA",
    "Representative on Freedom of the Media",
    "Media freedom and development",
    """VIENNA, 27 August 2018 – The OSCE Representative on Freedom of the Media, Harlem Désir, condemned today the killing of Dražen Kovačević, an investigative journalist found dead near his home in Banja Luka, Bosnia and Herzegovina, and called for a swift and thorough investigation.

Kovačević had reported on the privatization of public companies and had received threats in the months before his death. “Those responsible must be brought to justice, including those who ordered the crime,” Désir said.

The Representative recalled that a journalist had been severely beaten in the same city in April and that the perpetrators had not been identified. He has been in contact with the authorities and with the OSCE Mission to Bosnia and Herzegovina, which monitors the proceedings.""",
)

# --- Ukraine: monitoring, ceasefire, negotiations --------------------------------------------

R(
    "h028_smm_spot_shchastia_2015",
    "Spot report",
    "Spot report by the OSCE Special Monitoring Mission to Ukraine (SMM): Shelling damages power station in Shchastia",
    "KYIV",
    "Special Monitoring Mission to Ukraine (closed)",
    "Conflict prevention and resolution",
    """KYIV, 3 February 2015 – On 2 February the SMM visited the thermal power station in Shchastia (20km north of Luhansk), where it observed fresh damage to a cooling tower and to the roof of a generator hall. Staff told the SMM that the station had come under fire during the night and that one employee had been injured.

The SMM analysed six craters nearby and assessed that they were caused by 122mm artillery rounds fired from a south-westerly direction. While at the site, the SMM heard 15 explosions at a distance of 5-10km.

The SMM noted that the damage had cut off electricity to parts of Luhansk region and that repair crews could not reach the site without security guarantees from both sides. The Mission continues to call for respect of the ceasefire provided for in the Minsk Protocol.""",
)

R(
    "h029_smm_daily_july_2017",
    "Daily report",
    "Latest from the OSCE Special Monitoring Mission to Ukraine (SMM), based on information received as of 19:30, 17 July 2017",
    "",
    "Special Monitoring Mission to Ukraine (closed)",
    "Conflict prevention and resolution",
    """The SMM recorded more ceasefire violations in Donetsk region, including about 1,200 explosions, compared with the previous reporting period. In Luhansk region, the SMM recorded fewer ceasefire violations, including about 40 explosions.

The SMM followed up on reports of civilian casualties in Avdiivka and Krasnohorivka. At a hospital in Avdiivka, medical staff told the SMM that a woman had been injured by shrapnel in her yard. The SMM saw fresh damage to three houses on Molodizhna Street.

The SMM observed weapons in violation of the withdrawal lines in government- and non-government-controlled areas, including tanks near Hranitne and multiple launch rocket systems near Myrne.

The SMM’s freedom of movement continued to be restricted, including at a checkpoint near Zaitseve, where armed men denied the SMM passage, citing the ongoing fighting.""",
    date="18 July 2017",
)

R(
    "h030_smm_disengagement_zolote_2019",
    "Daily report",
    "SMM monitors disengagement of forces and hardware near Zolote and Petrivske",
    "",
    "Special Monitoring Mission to Ukraine (closed)",
    "Conflict prevention and resolution",
    """KHARKIV/LUHANSK, Ukraine, 29 November 2019 – The SMM continued to monitor the disengagement areas near Zolote and Petrivske, where the sides completed the removal of fortifications and the withdrawal of forces in line with the Framework Decision of the Trilateral Contact Group of September 2016.

Using unmanned aerial vehicles, the SMM observed that trenches and positions had been dismantled on both sides of the bridge near Zolote and that mine hazard signs had been installed along the road. The SMM recorded no ceasefire violations inside the disengagement areas during the reporting period.

Elsewhere, the SMM recorded 312 ceasefire violations in Donetsk region and 48 in Luhansk region, most of them near the Donetsk Filter Station and south of Svitlodarsk.

The SMM facilitated and monitored adherence to localized ceasefires to enable repairs to a power line near Nyzhnoteple, which supplies electricity to more than 1,000 households on both sides of the contact line.""",
)

R(
    "h031_smm_july_2020_calm",
    "Daily report",
    "Latest from the SMM: markedly calmer situation in Donbas after additional measures take effect",
    "",
    "Special Monitoring Mission to Ukraine (closed)",
    "Conflict prevention and resolution",
    """KYIV, 30 July 2020 – In the three days since the additional measures agreed by the Trilateral Contact Group entered into force at midnight on 27 July, the SMM recorded a significant decrease in the number of explosions and other incidents of armed violence in Donetsk and Luhansk regions.

Compared with the previous week, when the SMM recorded more than 2,000 such incidents, it recorded fewer than 30, mostly small-arms fire at a distance. No explosions were recorded near Avdiivka, Shyrokyne or Popasna, where shelling had been frequent before.

Residents of Zolote told the SMM that they had slept through the night for the first time in months and that children were playing in the streets again. In Marinka, a shop owner said that customers were coming back from the town’s outskirts.

The SMM continues to monitor the situation along the contact line around the clock, including with long-range drones and cameras, and stands ready to facilitate further measures such as demining and repairs to civilian infrastructure.""",
)

R(
    "h032_tcg_package_measures_2015",
    "Press release",
    "OSCE welcomes agreement on Package of Measures reached in Minsk",
    "MINSK",
    "Chairpersonship, Secretary General",
    "Conflict prevention and resolution",
    """MINSK, 12 February 2015 – OSCE Chairperson-in-Office, Serbian First Deputy Prime Minister and Foreign Minister Ivica Dačić, welcomed today the Package of Measures for the Implementation of the Minsk Agreements signed by the Trilateral Contact Group after negotiations that lasted through the night.

The Package of Measures provides for a comprehensive ceasefire from 15 February, the withdrawal of heavy weapons by both sides to create a security zone of at least 50 kilometres, and the monitoring and verification of the withdrawal by the OSCE.

“This is a real chance to end the bloodshed, and it must not be wasted,” Dačić said. “The OSCE stands ready to do everything necessary to help implement it.”

OSCE Secretary General Lamberto Zannier said the Special Monitoring Mission would be reinforced to carry out its new tasks, and that the Mission’s access to all areas would be essential.""",
)

R(
    "h033_smm_casualties_donetsk_2018",
    "Spot report",
    "Spot report by the SMM: Two civilians killed by shelling in Donetsk city",
    "KYIV",
    "Special Monitoring Mission to Ukraine (closed)",
    "Conflict prevention and resolution",
    """KYIV, 6 August 2018 – On 5 August, the SMM followed up on reports of civilian casualties in the Kyivskyi district of Donetsk city. At the city morgue, the SMM saw the bodies of a man and a woman, both aged about 60, with shrapnel injuries.

At the site, the SMM saw a crater in the courtyard of a residential building and shattered windows in the apartments facing it. The SMM assessed the crater as caused by an 82mm mortar round fired from a north-north-westerly direction.

Residents told the SMM that the two victims had been sitting on a bench near the entrance when the shelling began in the evening. The SMM’s unmanned aerial vehicle spotted fresh craters in nearby fields.""",
)

R(
    "h034_chairpersonship_russian_attack_2022",
    "Statement",
    "OSCE Chairman-in-Office and Secretary General condemn Russian military attack on Ukraine",
    "WARSAW/VIENNA",
    "Chairpersonship, Secretary General",
    "Conflict prevention and resolution",
    """WARSAW/VIENNA, 24 February 2022 – OSCE Chairman-in-Office, Polish Minister of Foreign Affairs Zbigniew Rau, and OSCE Secretary General Helga Maria Schmid today issued the following statement:

“We condemn in the strongest terms the Russian Federation’s military attack on Ukraine, which puts the lives of millions of people at risk and is a grave violation of international law and of the principles of the Helsinki Final Act.

“We call on the Russian Federation to immediately cease hostilities and withdraw its forces from the territory of Ukraine. The safety of civilians, including members of the Special Monitoring Mission, must be guaranteed.

“The OSCE remains committed to dialogue and to the sovereignty and territorial integrity of Ukraine within its internationally recognized borders.”""",
)

R(
    "h035_smm_mandate_ends_2022",
    "Press release",
    "OSCE Special Monitoring Mission to Ukraine comes to a close",
    "VIENNA",
    "Secretariat",
    "Conflict prevention and resolution",
    """VIENNA, 1 April 2022 – The mandate of the OSCE Special Monitoring Mission to Ukraine expired on 31 March after the Russian Federation objected to its extension in the Permanent Council. The Mission, which had more than 800 monitors at the start of the year, had already evacuated its international staff from the country in late February.

Since March 2014, the Mission’s unarmed civilian monitors reported daily on the security situation, facilitated dialogue at the local level and helped arrange windows of silence for repairs to water, gas and electricity infrastructure for millions of people on both sides of the contact line.

“The monitors did extraordinary work under extremely difficult conditions,” said Secretary General Helga Maria Schmid. “I pay tribute to all of them, and to our national staff members who lost their lives.”

The Secretariat will lead the administrative closure of the Mission over the coming months.""",
)

R(
    "h036_ukraine_mine_action_2018",
    "News",
    "Ukrainian emergency service deminers trained in clearing explosive remnants",
    "KHARKIV",
    "Project Co-ordinator in Ukraine (closed)",
    "Reform and co-operation in the security sector",
    """KHARKIV, Ukraine, 5 October 2018 – Thirty specialists of the State Emergency Service of Ukraine completed a four-week course in humanitarian demining organized by the OSCE Project Co-ordinator in Ukraine in Kharkiv.

The course covered the survey of contaminated areas, the safe disposal of unexploded ordnance and the marking of hazardous areas in line with national mine action standards adopted this year. The participants practised on a training range equipped with inert munitions.

“Explosive remnants of war near the contact line kill and maim civilians every month,” said Ambassador Henrik Villadsen, OSCE Project Co-ordinator in Ukraine. “Clearing them is essential for people to return to their fields and their homes.”

The Project Co-ordinator also handed over two metal detectors and protective equipment worth €80,000, funded by Germany and Canada.""",
)

R(
    "h037_smm_water_filter_station_2019",
    "News",
    "Windows of silence keep water flowing to 380,000 people in Donbas",
    "",
    "Special Monitoring Mission to Ukraine (closed)",
    "Conflict prevention and resolution; Environmental activities",
    """KYIV, 22 May 2019 – For the fifth time this month, SMM monitors stood near the Donetsk Filter Station while repair crews replaced damaged pipes, under localized ceasefires agreed by both sides with the Mission’s facilitation.

The station, located between Avdiivka and Yasynuvata, purifies drinking water for some 380,000 people on both sides of the contact line. Shelling has repeatedly damaged its buildings and injured its workers, and its operations were suspended for several days in April.

“Without these windows of silence, the taps would run dry in hundreds of thousands of homes,” said Ertuğrul Apakan, Chief Monitor of the SMM. “Humanitarian infrastructure must never be a target.”

Since January the SMM has facilitated more than 400 such windows of silence for the repair and maintenance of water, electricity and gas facilities.""",
)

R(
    "h038_tcg_talks_prisoners_2019",
    "Press release",
    "Trilateral Contact Group talks in Minsk: agreement on exchange of detainees",
    "MINSK",
    "Chairpersonship",
    "Conflict prevention and resolution",
    """MINSK, 18 December 2019 – The Special Representative of the OSCE Chairperson-in-Office in Ukraine and in the Trilateral Contact Group, Ambassador Martin Sajdik, said after today’s meeting of the Group in Minsk that the participants had agreed on the next steps towards the mutual release and exchange of detained persons before the end of the year.

The participants also discussed the opening of new entry-exit crossing points along the contact line and the further disengagement of forces, as foreseen in the conclusions of the Normandy Four summit in Paris on 9 December.

“The talks were difficult but constructive,” Sajdik said. “What matters now is that the agreements reached reach the people who are waiting for them.”

The working groups on security, political, humanitarian and economic issues will meet again in January.""",
)

# --- Nagorno-Karabakh, Minsk Group ----------------------------------------------------------

R(
    "h039_minsk_group_april_2016",
    "Statement",
    "Statement by the OSCE Minsk Group Co-Chairs on the escalation along the Line of Contact",
    "VIENNA",
    "Minsk Group",
    "Conflict prevention and resolution",
    """VIENNA, 5 April 2016 – The Co-Chairs of the OSCE Minsk Group (Ambassadors Igor Popov of the Russian Federation, Pierre Andrieu of France and James Warlick of the United States) met in Vienna today to discuss the serious violations of the ceasefire along the Line of Contact since 2 April, which have resulted in the deaths of many soldiers and civilians.

The Co-Chairs strongly condemned the use of force and called on the sides to respect the ceasefire agreed on 5 April and to take steps to prevent any further escalation. They regretted the senseless loss of life, including among the civilian population.

The Co-Chairs stressed that there is no military solution to the conflict and urged the sides to return to negotiations on a comprehensive settlement as soon as possible. They will travel to the region in the coming days and will consider, together with the Personal Representative of the Chairperson-in-Office, ways to strengthen the monitoring capacity.""",
)

R(
    "h040_minsk_group_paris_2019",
    "Press release",
    "Foreign Ministers of Armenia and Azerbaijan meet in Paris under the auspices of the Minsk Group Co-Chairs",
    "PARIS",
    "Minsk Group",
    "Conflict prevention and resolution",
    """PARIS, January 16, 2019 – The Foreign Ministers of Armenia, Zohrab Mnatsakanyan, and of Azerbaijan, Elmar Mammadyarov, met today in Paris with the Co-Chairs of the OSCE Minsk Group and the Personal Representative of the OSCE Chairperson-in-Office, Ambassador Andrzej Kasprzyk.

The meeting, which lasted more than four hours, was held in a cordial and constructive atmosphere. The Ministers discussed a wide range of issues related to the Nagorno-Karabakh peace process and agreed on the necessity of taking concrete measures to prepare the populations for peace.

The Co-Chairs welcomed the continued calm on the front line and the implementation of the direct communication channel agreed at the Dushanbe meeting of the two leaders last autumn. The Ministers agreed to meet again in the near future to continue their dialogue under the Co-Chairs’ auspices.""",
)

R(
    "h041_prcio_monitoring_loc_2012",
    "News",
    "Personal Representative conducts monitoring on the Line of Contact",
    "",
    "Chairpersonship",
    "Conflict prevention and resolution",
    """On 14 June 2012 the Personal Representative of the OSCE Chairperson-in-Office, Ambassador Andrzej Kasprzyk, and his field assistants conducted a planned monitoring of the ceasefire regime on the Line of Contact of the armed forces of Armenia and Azerbaijan, in the vicinity of the village of Chinari.

From the Azerbaijani side, the monitoring was conducted by Field Assistants Mihail Olaru and Ghenadie Petrica. The monitoring passed calmly, without incident, and in accordance with the agreed schedule.

The Personal Representative and his team regularly hold such monitoring exercises, which are one of the few confidence-building measures agreed by the sides. The results are reported to the Minsk Group Co-Chairs and to the Chairperson-in-Office.""",
    date="14 June 2012",
)

R(
    "h042_minsk_group_humanitarian_truce_2020",
    "Statement",
    "Co-Chairs of the Minsk Group call on the sides to respect the humanitarian truce",
    "MOSCOW/PARIS/WASHINGTON",
    "Minsk Group",
    "Conflict prevention and resolution",
    """MOSCOW/PARIS/WASHINGTON, 12 October 2020 – The Co-Chairs of the OSCE Minsk Group (Igor Popov of the Russian Federation, Stephane Visconti of France, and Andrew Schofer of the United States of America) express their deep concern about reports of continuing military activities, including against civilian areas, in violation of the humanitarian truce agreed in Moscow on 10 October.

The Co-Chairs call on both sides to implement the truce immediately and in full, to allow the exchange of prisoners and the remains of the dead, and to begin substantive talks without delay, under the Co-Chairs’ auspices, towards a peaceful settlement.

The Co-Chairs remind the sides of their obligations under international humanitarian law to protect civilians and civilian infrastructure.""",
)

R(
    "h043_minsk_group_prague_process_2004",
    "Press release",
    "Armenian and Azerbaijani Foreign Ministers continue dialogue in Prague",
    "PRAGUE",
    "Minsk Group",
    "Conflict prevention and resolution",
    """PRAGUE, 13 May 2004 – The Foreign Ministers of Armenia and Azerbaijan, Vartan Oskanian and Elmar Mammadyarov, met today in Prague in the presence of the Co-Chairs of the OSCE Minsk Group, continuing the series of direct consultations that began in April.

The Co-Chairs said the discussions were frank and detailed and focused on the principles of a future settlement of the Nagorno-Karabakh conflict. No documents were signed, and the Ministers agreed not to disclose the content of the talks.

“Both Ministers showed a willingness to look for compromise,” said Ambassador Yuri Merzlyakov, the Russian Co-Chair. The Co-Chairs intend to visit Baku and Yerevan in June to continue the negotiations with the Presidents.""",
)

R(
    "h044_yerevan_aarhus_centres_2010",
    "News",
    "Aarhus Centres in Armenia mark ten years of public participation in environmental decision-making",
    "YEREVAN",
    "Office in Yerevan (closed)",
    "Environmental activities",
    """YEREVAN, 19 November 2010 – The OSCE Office in Yerevan and the Ministry of Nature Protection today marked the tenth anniversary of the Aarhus Convention’s ratification by Armenia with a conference attended by representatives of the country’s 15 Aarhus Centres.

The Centres, supported by the OSCE, give citizens access to environmental information and help communities participate in public hearings on mining projects, forest management and the protection of Lake Sevan.

“Public participation is not a formality; it makes decisions better,” said Ambassador Sergey Kapinos, Head of the OSCE Office in Yerevan. Participants discussed a new draft law on environmental impact assessment and ways of involving residents of mining towns in monitoring pollution.""",
)

# --- Moldova, Transdniestrian settlement ----------------------------------------------------

R(
    "h045_bratislava_5plus2_2019",
    "Press release",
    "Protocol signed at 5+2 meeting in Bratislava on the Transdniestrian settlement process",
    "BRATISLAVA",
    "Chairpersonship, Mission to Moldova",
    "Conflict prevention and resolution",
    """BRATISLAVA, 10 October 2019 – The Permanent Conference for Political Questions in the Framework of the Negotiating Process on the Transdniestrian Settlement, in the “5+2” format, met in Bratislava on 9 and 10 October under the Slovak OSCE Chairmanship.

The participants signed a protocol reaffirming their commitment to the package of eight priority issues agreed in Vienna in 2017, including the apostille of diplomas, the operation of Latin-script schools and the participation of vehicles from the left bank in international road traffic.

“Small steps bring real benefits to people on both banks of the Dniester/Nistru,” said OSCE Chairperson-in-Office Miroslav Lajčák. “I encourage the sides to keep up the momentum.”

The meeting was attended by the representatives of Moldova and Transdniestria, the OSCE, the Russian Federation and Ukraine as mediators, and the European Union and the United States as observers. Special Representative Thomas Mayr-Harting chaired the sessions.""",
)

R(
    "h046_moldova_bridge_reopens_2017",
    "News",
    "Bridge over the Dniester/Nistru reopens to traffic, bringing both banks closer",
    "GURA BÎCULUI",
    "Mission to Moldova",
    "Conflict prevention and resolution",
    """GURA BÎCULUI, 18 November 2017 – The bridge between Gura Bîcului and Bychok, destroyed during the 1992 conflict, reopened today to vehicle traffic, fulfilling one of the commitments agreed by Chișinău and Tiraspol in the settlement process.

The reconstruction, funded by the European Union, was completed years ago, but the bridge remained closed until the sides agreed on the arrangements for its opening. The OSCE Mission to Moldova facilitated the contacts between the chief negotiators and the working groups on transport and infrastructure.

“A bridge is the simplest symbol of trust,” said Ambassador Michael Scanlan, Head of the OSCE Mission to Moldova. “Farmers, students and families now save hours every day.”

The Mission will continue to support the implementation of other confidence-building measures, including on telecommunications and the recognition of diplomas.""",
)

R(
    "h047_moldova_latin_script_schools",
    "News",
    "Latin-script schools in the Transdniestrian region receive new textbooks",
    "TIRASPOL",
    "Mission to Moldova",
    "Education; Conflict prevention and resolution",
    """TIRASPOL, 4 September 2018 – On the first day of the school year, Ambassador Claus Neukirch, Head of the OSCE Mission to Moldova, visited the Evrica school in Rîbnița, one of eight schools in the Transdniestrian region that teach in Romanian using the Latin script.

The schools have faced repeated problems with the rent of their premises and the crossing of teachers and textbooks from the right bank. Under an agreement reached this summer by the chief negotiators, the schools are now guaranteed their buildings until 2025.

“Every child has the right to study in his or her language without fear,” Neukirch said. The Mission handed over 500 textbooks and supported the repair of the school’s heating system.""",
)

R(
    "h048_moldova_1plus1_talks_2021",
    "Press release",
    "Head of OSCE Mission to Moldova welcomes resumption of meetings between chief negotiators",
    "CHIȘINĂU",
    "Mission to Moldova",
    "Conflict prevention and resolution",
    """CHIȘINĂU, 17 June 2021 – The Head of the OSCE Mission to Moldova, Ambassador Claus Neukirch, welcomed today the meeting of the political representatives of Chișinău and Tiraspol, the first in the “1+1” format since the outbreak of the COVID-19 pandemic.

The political representatives, Olga Cebotari and Vitaly Ignatiev, discussed the functioning of the joint working groups, the free movement of people across the Security Zone and the renewal of licences for farmers working land on the left bank.

“Direct dialogue is the only way forward,” Neukirch said. “I hope this meeting will open the way to more regular contacts and concrete results for people on both banks.”""",
)

R(
    "h049_moldova_ammunition_withdrawal_2003",
    "Press release",
    "OSCE verifies new train of ammunition leaving the Transdniestrian region",
    "CHISINAU",
    "Mission to Moldova",
    "Arms control; Conflict prevention and resolution",
    """CHISINAU, 19 September 2003 – A train carrying some 1,500 tonnes of ammunition left the Russian military depot at Colbasna today for the Russian Federation, verified by military officers of the OSCE Mission to Moldova.

It is the 29th train to leave since the withdrawal resumed in March under the commitments made at the OSCE Istanbul Summit in 1999. Some 20,000 tonnes of ammunition remain at the depot, one of the largest stocks in Europe.

“The withdrawal and destruction of these munitions reduces a serious risk to the security of the region,” said Ambassador William Hill, Head of the Mission. The OSCE Voluntary Fund covers the costs of transport and destruction.""",
)

R(
    "h050_moldova_trafficking_hotline_2008",
    "Press release",
    "Anti-trafficking hotline in Moldova answers its 10,000th call",
    "CHIȘINĂU",
    "Mission to Moldova",
    "Combating trafficking in human beings",
    """CHIȘINĂU, 12 March 2008 – The national hotline for preventing trafficking in human beings and safe migration, operated by the non-governmental organization La Strada with the support of the OSCE Mission to Moldova, today received its 10,000th call.

Most callers are young women and men seeking information on job offers abroad, or relatives worried about family members who have lost contact after leaving the country. Consultants check the legality of recruitment agencies and explain the risks of deceptive offers.

“The hotline has helped prevent many people from falling into the hands of traffickers,” said Ambassador Philip Remler, Head of the OSCE Mission to Moldova. In 2007, the hotline referred 57 possible victims of trafficking to the police and to assistance centres.""",
)

# --- Georgia ------------------------------------------------------------------------------

R(
    "h051_gid_round_june_2018",
    "Press release",
    "Press communiqué of the Co-Chairs of the Geneva International Discussions",
    "GENEVA",
    "Chairpersonship",
    "Conflict prevention and resolution",
    """GENEVA, 13 June 2018 – The 44th round of the Geneva International Discussions (GID) took place on 12 and 13 June. The Co-Chairs, representing the OSCE, the European Union and the United Nations, noted that the security situation on the ground remained relatively calm and stable, but expressed concern over the continuing installation of fences and other obstacles along the dividing lines.

In the working group on security issues, participants discussed the non-use of force, the freedom of movement of local residents and the detentions at the crossing points. The Co-Chairs welcomed the continuing work of the Incident Prevention and Response Mechanisms in Ergneti and Gali, as well as the hotline.

In the humanitarian working group, participants discussed missing persons, documentation and the return of internally displaced persons and refugees, but the session was once again interrupted when some participants walked out. The next round will take place in October.""",
)

R(
    "h052_iprm_ergneti_2013",
    "News",
    "Incident Prevention and Response Mechanism meeting held in Ergneti",
    "ERGNETI",
    "Chairpersonship",
    "Conflict prevention and resolution",
    """ERGNETI, 26 March 2013 – The 36th meeting of the Incident Prevention and Response Mechanism (IPRM) took place in Ergneti today, co-facilitated by the Special Representative of the OSCE Chairperson-in-Office for the South Caucasus, Ambassador Andrzej Kasprzyk, and the Head of the EU Monitoring Mission in Georgia, Toivo Klaar.

Participants reviewed recent incidents near the administrative boundary line, including detentions of residents and the construction of fences, and agreed to exchange information on the issue of irrigation water for villages on both sides.

The participants noted that the overall situation was calm and agreed that the next meeting would take place in April.""",
)

R(
    "h053_cio_visit_georgia_2023",
    "Press release",
    "OSCE Chairman-in-Office Osmani visits Georgia, reaffirms support for Geneva talks",
    "TBILISI",
    "Chairpersonship",
    "Conflict prevention and resolution",
    """TBILISI, 18 February 2023 – OSCE Chairman-in-Office, Foreign Minister of North Macedonia Bujar Osmani, visited Georgia on 17 and 18 February, meeting President Salome Zourabichvili, Prime Minister Irakli Garibashvili and Foreign Minister Ilia Darchiashvili.

The Chairman-in-Office visited the village of Odzisi near the administrative boundary line, where he met residents affected by restrictions on freedom of movement. He reiterated the OSCE’s support for Georgia’s sovereignty and territorial integrity within its internationally recognized borders.

“The Geneva International Discussions remain the only forum where all sides sit together,” Osmani said. “We will continue working to address the security and humanitarian needs of conflict-affected people.”""",
)

R(
    "h054_georgia_border_monitoring_2004",
    "Press release",
    "OSCE Border Monitoring Operation in Georgia extended to the Dagestan segment",
    "TBILISI",
    "OSCE Mission to Georgia (closed)",
    "Border management",
    """TBILISI, 15 April 2004 – The OSCE Mission to Georgia today began monitoring the Dagestan segment of the border between Georgia and the Russian Federation, following a decision of the Permanent Council to extend its Border Monitoring Operation.

Some 140 unarmed monitors now observe and report on movements across the border along the Chechen, Ingush and Dagestan segments from patrol bases in the high mountains, some of them reachable only by helicopter in winter.

“The operation has helped build confidence between the two neighbours,” said Ambassador Roy Reeve, Head of the Mission. The monitors also support the Georgian Border Guards with training in mountain survival and the reporting of incidents.""",
)

# --- Trafficking in human beings, smuggling, exploitation -----------------------------------

R(
    "h055_alliance_conference_2019",
    "Press release",
    "Alliance against Trafficking in Persons conference focuses on ending impunity for traffickers",
    "VIENNA",
    "Secretariat",
    "Combating trafficking in human beings",
    """VIENNA, 8 April 2019 -- More than 400 government officials, civil society representatives and survivors gathered in Vienna today for the 19th Alliance against Trafficking in Persons conference, dedicated this year to ending impunity for traffickers.

OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings Valiant Richey said that the number of convictions for human trafficking remains shockingly low across the region, with fewer than 10,000 convictions recorded each year worldwide against an estimated 25 million victims.

“Trafficking is a crime of low risk and high profit. We need to change that equation,” Richey said. He called on participating States to follow the money, to use financial investigations systematically and to make sure that victims are not punished for crimes they were compelled to commit.

Panels discussed the role of the private sector in eliminating forced labour from supply chains and the use of technology by traffickers to recruit and control victims.""",
)

R(
    "h056_bishkek_labour_exploitation_2022",
    "News",
    "Labour inspectors and police in Kyrgyzstan learn to spot forced labour and exploitation of migrant workers",
    "OSH",
    "Programme Office in Bishkek",
    "Migration",
    """OSH, Kyrgyzstan, 15 March 2022 – Thirty labour inspectors, police officers and staff of the State Migration Service completed a three-day workshop in Osh on identifying cases of forced labour and the exploitation of migrant workers, organized by the OSCE Programme Office in Bishkek.

Participants examined real cases of Kyrgyz citizens who were promised jobs on construction sites or farms abroad, had their passports taken away on arrival and were forced to work without pay to repay invented debts. They practised interviewing presumed victims and referring them to shelters and legal aid.

“Recruitment fraud often starts with a friendly advertisement on social media,” said Alexey Rogov, Acting Head of the Programme Office. “Officials must be able to recognize the signs and act before people are abused.”

The workshop is part of a project supporting the implementation of the national programme on safe labour migration, funded by the United States.""",
)

R(
    "h057_bih_simulation_training_2017",
    "Press release",
    "Simulation-based training on combating human trafficking along migration routes held in Sarajevo",
    "SARAJEVO",
    "Secretariat, Mission to Bosnia and Herzegovina",
    "Combating trafficking in human beings; Migration",
    """SARAJEVO, 21 September 2017 – Forty-five police officers, prosecutors, labour inspectors and social workers from Bosnia and Herzegovina, Croatia, Serbia and Montenegro took part this week in a live simulation exercise on identifying and investigating cases of human trafficking along migration routes.

The exercise, organized by the Office of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings together with the OSCE Mission to Bosnia and Herzegovina, was based on realistic scenarios involving refugees and migrants exploited for sexual exploitation and forced criminal activities.

“Trafficking cases rarely look like what people expect,” said Madina Jarbussynova, the OSCE Special Representative. “This training lets practitioners test in real time how they would co-operate across professions and borders.”

Actors played the roles of victims, traffickers and witnesses, and trainers from the Italian Carabinieri and the Council of Europe gave feedback after each scenario.""",
)

R(
    "h058_skopje_migrant_smuggling_2016",
    "News",
    "Border police officers in Skopje trained to investigate migrant smuggling networks",
    "SKOPJE",
    "Mission to Skopje, Secretariat",
    "Border management; Migration",
    """SKOPJE, 8 November 2016 – Twenty-four border police officers and prosecutors completed a four-day course on investigating migrant smuggling networks, organized by the OSCE Mission to Skopje and the OSCE Transnational Threats Department.

The course covered the collection of evidence from mobile phones, financial investigations into the proceeds of smuggling, and co-operation with neighbouring countries through joint investigation teams. Since the closure of the Western Balkans route in March, smugglers have increasingly used forests and mountain paths along the southern border.

“Smugglers treat migrants as cargo, and many of them end up abandoned or injured,” said Ambassador Nina Suomalainen, Head of the OSCE Mission to Skopje. Participants also discussed how to distinguish smuggling from trafficking in human beings, and how to protect vulnerable migrants found during operations.""",
)

R(
    "h059_online_exploitation_technology_2021",
    "Press release",
    "OSCE report: traffickers exploit online platforms, states must respond with technology and regulation",
    "VIENNA",
    "Secretariat",
    "Combating trafficking in human beings; Cyber/ICT Security",
    """VIENNA, 24 May 2021 – The internet has become the main tool for recruiting, advertising and controlling victims of human trafficking, according to a report published today by the Office of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings and Tech Against Trafficking.

The report, based on a survey of 300 technology tools and interviews with law enforcement and survivors, finds that traffickers advertise sexual services on classified websites, use encrypted messaging to control victims and move profits through cryptocurrencies.

“Traffickers have gone digital. So must we,” said Valiant Richey, the OSCE Special Representative. The report calls on participating States to require online platforms to detect and remove exploitative advertisements and to equip police with tools for analysing large volumes of online data.""",
)

R(
    "h060_albania_trafficking_shelter_2001",
    "Press release",
    "OSCE Presence in Albania supports first shelter for women victims of trafficking",
    "TIRANA",
    "Presence in Albania, ODIHR",
    "Combating trafficking in human beings; Gender equality",
    """TIRANA, 3 July 2001 – A shelter for women and girls who have been trafficked abroad for prostitution opened in Tirana today with the support of the OSCE Presence in Albania and ODIHR’s anti-trafficking programme.

The shelter offers accommodation for up to 20 women, medical and psychological care, legal advice and vocational training. Most of the women returned to Albania after being deceived by promises of work in Italy or Greece.

“These young women were sold like goods,” said Ambassador Geert-Hinrich Ahrens, Head of the Presence. “Helping them rebuild their lives must go hand in hand with punishing those who exploited them.” The Presence is also supporting training for police on the coast, where speedboats carrying people across the Adriatic depart almost every night.""",
)

R(
    "h061_dushanbe_labour_migrants_2013",
    "News",
    "Pre-departure orientation for labour migrants launched in Tajikistan",
    "DUSHANBE",
    "Office in Tajikistan (closed)",
    "Migration",
    """DUSHANBE, 24 April 2013 – The OSCE Office in Tajikistan and the Migration Service today opened a pre-departure orientation centre in Dushanbe for citizens planning to work abroad, most of them in the Russian Federation.

Future migrants receive information on legal employment, residence registration, their rights and the addresses of consulates and support organizations in the destination countries. Courses in the Russian language and basic construction skills are also offered.

“Remittances make up nearly half of Tajikistan’s economy, and every migrant deserves to travel informed,” said Ambassador Ivar Vikki, Head of the OSCE Office. Last year more than 800,000 Tajik citizens left for seasonal work.""",
)

# --- Border management ----------------------------------------------------------------------

R(
    "h062_bmsc_dushanbe_2015",
    "Press release",
    "Border officers from Afghanistan and Central Asia graduate from OSCE Border Management Staff College course",
    "DUSHANBE",
    "Programme Office in Dushanbe",
    "Border management",
    """DUSHANBE, 16 June 2015 – Twenty-six mid-level border and customs officers from Afghanistan, Kazakhstan, Kyrgyzstan, Tajikistan and Turkmenistan graduated today from a month-long staff course at the OSCE Border Management Staff College in Dushanbe.

The course covered strategic planning, risk analysis, the detection of forged documents and the fight against transnational crime, including drug trafficking and the movement of foreign terrorist fighters. Participants visited a crossing point on the Tajik-Afghan border at Panji Poyon.

“Open and secure borders are a shared responsibility,” said Ambassador Markus Müller, Head of the OSCE Office in Tajikistan. Since it opened in 2009, the College has trained more than 2,500 officials from 40 countries.""",
)

R(
    "h063_astana_customs_training_2017",
    "News",
    "Customs and border officials of Kazakhstan trained in risk profiling at Khorgos",
    "ASTANA",
    "Programme Office in Astana",
    "Border management; Economic activities",
    """ASTANA, 11 May 2017 – Customs and border officers of Kazakhstan completed a course on risk profiling and post-clearance audit, organized by the OSCE Programme Office in Astana near the Khorgos international centre for cross-border co-operation on the border with China.

Participants learned how to select consignments for inspection on the basis of risk indicators, so that legitimate trade can move faster while controls focus on high-risk shipments.

“Trade facilitation and security go hand in hand,” said Ambassador György Szabó, Head of the Programme Office. The course was based on the OSCE-UNECE Handbook of Best Practices at Border Crossings.""",
)

R(
    "h064_batken_cross_border_dialogue_2022",
    "News",
    "Community leaders from border villages of Kyrgyzstan and Tajikistan meet to prevent tensions",
    "BATKEN",
    "Programme Office in Bishkek",
    "Conflict prevention and resolution",
    """BATKEN, 6 December 2022 – Thirty elders, women’s group leaders and local council members from villages in Batken region met in Batken today to discuss how to prevent disputes over pastures and irrigation channels from escalating into violence, at a meeting organized by the OSCE Programme Office in Bishkek.

The meeting took place after the armed clashes of September on the Kyrgyz-Tajik border, which forced more than 130,000 residents to flee. Participants shared their experience of mediation and asked for stronger early-warning links with local authorities.

“Peace on the border starts between neighbours,” said Ambassador Alexey Rogov, Head of the Programme Office. The Programme Office will support the training of 40 local mediators in the region next year.""",
)

R(
    "h065_montenegro_green_border_2014",
    "News",
    "Montenegro’s border police receive thermal cameras for green border surveillance",
    "PODGORICA",
    "Mission to Montenegro",
    "Border management; Policing",
    """PODGORICA, 2 December 2014 – The OSCE Mission to Montenegro today handed over four thermal imaging cameras and two off-road vehicles to the Border Police of Montenegro, to help patrol the mountainous green border with Albania and Kosovo.

The equipment, worth €120,000 and funded by Norway, will be used to detect illegal crossings and smuggling of goods at night and in poor weather.

“Effective border control is essential to fight organized crime while keeping the border open to people and trade,” said Ambassador Janina Hrebičková, Head of the Mission. Thirty border police officers were trained in using and maintaining the equipment.""",
)

R(
    "h066_ashgabat_checkpoint_training_2018",
    "News",
    "Turkmen frontier guards and customs staff trained to detect forged travel documents at checkpoints",
    "ASHGABAT",
    "Centre in Ashgabat",
    "Reform and co-operation in the security sector",
    """ASHGABAT, 22 October 2018 – Twenty officers of Turkmenistan’s State Border Service and State Customs Service completed a week-long course at the OSCE Centre in Ashgabat on detecting forged and falsified travel documents at international checkpoints.

Experts from Latvia and Poland showed the participants the security features of passports and visas, the use of ultraviolet lamps and magnifiers, and the typical methods used to alter photographs and data pages. Practical sessions took place at the crossing point of Farap on the frontier with Uzbekistan and at Ashgabat International Airport.

“Well-trained officers at checkpoints protect both the state and honest travellers,” said Ambassador Natalya Drozd, Head of the Centre. The Centre donated a document examination kit to the frontier service.""",
)

R(
    "h067_bsmc_concept_2009",
    "Press release",
    "OSCE border security and management concept: five years of assistance reviewed in Vienna",
    "VIENNA",
    "Secretariat",
    "Border management",
    """VIENNA, 22 January 2009 – Experts from 40 participating States and Partners for Co-operation met in Vienna today to review five years of implementation of the OSCE Border Security and Management Concept, adopted at the Ljubljana Ministerial Council in 2005.

Participants discussed the OSCE’s projects on the Tajik-Afghan border, the training of border guards in Central Asia and the South Caucasus, and the exchange of best practices among national border services through the OSCE Border Security and Management National Focal Points Network.

“Borders should unite, not divide, while protecting our societies from terrorism and organized crime,” said Marc Perrin de Brichambaut, OSCE Secretary General.""",
)

R(
    "h068_dushanbe_border_post_handover_2016",
    "News",
    "Renovated border outpost on the Tajik-Afghan border handed over to Tajik Border Troops",
    "SHUROBOD",
    "Programme Office in Dushanbe",
    "Border management",
    """SHUROBOD, Tajikistan, 29 September 2016 – The OSCE Programme Office in Dushanbe today handed over a renovated border outpost in the Shurobod district to the Border Troops of Tajikistan, as part of a project to improve living and working conditions for border guards along the Tajik-Afghan border.

The outpost received new barracks, a water supply system and solar panels, and 20 border guards were trained in patrolling techniques and human rights standards at the border.

“The Tajik-Afghan border is one of the most difficult to protect in the OSCE area,” said Ambassador Tuula Yrjölä, Head of the Programme Office.""",
)

# --- Hate crime, tolerance -----------------------------------------------------------------

R(
    "h069_odihr_hate_crime_data_2020",
    "Press release",
    "ODIHR publishes annual hate crime data, calls for better recording by states",
    "WARSAW",
    "ODIHR",
    "Tolerance and non-discrimination",
    """WARSAW, 16 November 2020 – On the International Day for Tolerance, ODIHR today published its annual hate crime data for 2019, showing that hate crimes continue to affect communities across the OSCE region, while many states still do not collect reliable data on them.

The data, available on ODIHR’s hate crime reporting website, cover more than 7,000 incidents reported by civil society groups in addition to official statistics from 41 participating States. Racist and xenophobic crimes, antisemitic incidents and attacks against Muslims, Christians, LGBTI people and Roma were among the most frequently reported.

“Each hate crime sends a message of exclusion to an entire community,” said ODIHR Director Matteo Mecacci. “States need to know what is happening in order to respond.”

ODIHR called on governments to record the bias motivation of crimes, to train police to recognize it and to support victims in reporting.""",
)

R(
    "h070_montenegro_police_hate_crimes_2018",
    "News",
    "Montenegrin police officers trained to recognize and investigate hate crimes",
    "PODGORICA",
    "ODIHR, Mission to Montenegro",
    "Tolerance and non-discrimination; Policing",
    """PODGORICA, 7 March 2018 – Twenty-two police officers from Podgorica, Nikšić and Bijelo Polje completed a two-day training course on understanding and investigating hate crimes, delivered by ODIHR and the OSCE Mission to Montenegro under ODIHR’s Training against Hate Crimes for Law Enforcement (TAHCLE) programme.

The participants learned to identify bias indicators, such as offensive graffiti, the date of an attack or the victim’s perception, and discussed how to record them in police reports so that prosecutors can request enhanced penalties.

“Victims of hate crimes need to see that the police take them seriously,” said Łukasz Wiśniewski, ODIHR Hate Crime Officer, who led the training. The trained officers will become trainers for the police academy in Danilovgrad.""",
)

R(
    "h071_bias_attacks_muslims_jews_2023",
    "Press release",
    "Rise in bias-motivated attacks against Jewish and Muslim communities alarms ODIHR",
    "WARSAW",
    "ODIHR",
    "Tolerance and non-discrimination",
    """WARSAW, 20 November 2023 – ODIHR is alarmed by the sharp rise of violent incidents targeting Jewish and Muslim communities across the OSCE region since October, including arson attacks on synagogues and mosques, assaults on people wearing religious symbols and the desecration of cemeteries.

“No one should fear for their safety because of who they are or what they believe,” said ODIHR Director Matteo Mecacci. “Offences motivated by prejudice must be recorded as such, investigated and prosecuted.”

ODIHR urged participating States to protect places of worship, to reach out to affected communities and to condemn such acts publicly and unequivocally. ODIHR is ready to assist states with training for police and prosecutors and with its practical guides on security needs of communities.""",
)

R(
    "h072_bih_hate_speech_online_2019",
    "News",
    "Youth activists in Bosnia and Herzegovina learn to counter hate speech online",
    "MOSTAR",
    "Mission to Bosnia and Herzegovina",
    "Tolerance and non-discrimination; Youth",
    """MOSTAR, 30 March 2019 – Twenty-five young activists from across Bosnia and Herzegovina took part in a workshop in Mostar on recognizing and countering hate speech on social networks, organized by the OSCE Mission to Bosnia and Herzegovina.

Participants analysed comments posted under news articles about returnees and migrants, and learned when offensive speech may amount to a criminal offence of incitement to hatred and when it is better answered with counter-narratives. They produced short videos promoting respect between communities.

“Words can pave the way for violence,” said Ambassador Bruce Berton, Head of the Mission. The Mission also monitors how courts handle cases of incitement to national, racial and religious hatred.""",
)

R(
    "h073_berlin_antisemitism_conference_2014",
    "Press release",
    "High-level conference in Berlin marks ten years of the OSCE Berlin Declaration on antisemitism",
    "BERLIN",
    "Chairpersonship, ODIHR",
    "Tolerance and non-discrimination",
    """BERLIN, 13 November 2014 – Ten years after the OSCE adopted the Berlin Declaration, more than 400 participants gathered in Berlin today for a high-level conference on combating antisemitism, hosted by the Swiss OSCE Chairmanship and Germany.

Speakers warned that antisemitic incidents, including violent attacks, have increased in several countries this year, and that Jewish communities feel less safe. German Foreign Minister Frank-Walter Steinmeier said that “antisemitism is never just a problem for Jews; it is a problem for all of us.”

ODIHR Director Michael Georg Link presented the Office’s work on education against antisemitism and on the recording of hate crimes, and announced a new project on the security of Jewish communities.""",
)

R(
    "h074_gender_police_montenegro_2020",
    "News",
    "More women in the police: Montenegro’s Police Directorate adopts gender equality action plan",
    "PODGORICA",
    "Mission to Montenegro",
    "Gender equality; Policing",
    """PODGORICA, 10 December 2020 – The Police Directorate of Montenegro today adopted its first action plan for gender equality, developed with the support of the OSCE Mission to Montenegro, aiming to raise the share of women in the police from 12 to 20 per cent by 2025.

The plan includes targeted recruitment campaigns, mentoring for women officers, flexible working hours for parents and a confidential mechanism for reporting sexual harassment in the workplace.

“A police service that reflects the society it serves is more effective and more trusted,” said Ambassador Dominique Waag, Head of the Mission. The Mission will fund leadership training for 30 women police officers next year.""",
)

# --- Roma and Sinti -------------------------------------------------------------------------

R(
    "h075_odihr_roma_status_report_2018",
    "Press release",
    "ODIHR status report: progress in Roma and Sinti integration remains slow, especially in education",
    "WARSAW",
    "ODIHR",
    "Roma and Sinti",
    """WARSAW, 5 September 2018 – Fifteen years after the adoption of the OSCE Action Plan on Improving the Situation of Roma and Sinti, progress remains limited, particularly in education, housing and protection from violence, according to ODIHR’s third status report published today.

The report finds that segregation of Roma children in schools persists in several participating States, that many Roma and Sinti still live in informal settlements without access to water and electricity, and that anti-Roma rhetoric by politicians has become more common.

“Roma and Sinti must be involved in designing the policies that affect them,” said Mirjam Karoly, Senior Adviser on Roma and Sinti Issues and head of ODIHR’s Contact Point for Roma and Sinti Issues. The report will be presented at the Human Dimension Implementation Meeting in Warsaw.""",
)

R(
    "h076_serbia_roma_health_mediators_2013",
    "News",
    "Health mediators bring medical care to Romani settlements in southern Serbia",
    "NIŠ",
    "Mission to Serbia",
    "Roma and Sinti",
    """NIŠ, 9 April 2013 – Fifteen new health mediators, all women from Romani communities, started work in Niš, Leskovac and Vranje this week after completing training supported by the OSCE Mission to Serbia and the Ministry of Health.

The mediators visit families in informal settlements, help them obtain health insurance and personal documents, and accompany mothers and children to vaccinations and check-ups. Since the programme began in 2008, more than 100,000 visits have been made.

“The mediators have become a bridge between the community and the health system,” said Dragana Stanković, a mediator from Leskovac. Ambassador Dimitrios Kypreos, Head of the Mission, said the programme shows how targeted measures can reduce the gap in life expectancy between Roma and the rest of the population.""",
)

R(
    "h077_roma_genocide_remembrance_2016",
    "Statement",
    "ODIHR Director marks Roma and Sinti Genocide Remembrance Day in Kraków",
    "KRAKÓW",
    "ODIHR",
    "Roma and Sinti; Tolerance and non-discrimination",
    """KRAKÓW, 2 August 2016 – On the 72nd anniversary of the liquidation of the so-called “Gypsy family camp” in Auschwitz-Birkenau, ODIHR Director Michael Georg Link joined survivors, young Roma and Sinti and officials at the commemoration ceremony held today at the former camp.

“We remember the hundreds of thousands of Sinti and Roma murdered by the Nazis and their allies,” Link said. “Remembering is also a commitment: to fight the discrimination and hatred that Roma and Sinti still face today.”

ODIHR supported the participation of 200 young people from 25 countries in the Dikh He Na Bister (“Look and Don’t Forget”) youth initiative, which accompanies the commemoration with workshops on history and activism.""",
)

R(
    "h078_kosovo_rae_education_2011",
    "News",
    "Learning centres help Roma, Ashkali and Egyptian children stay in school",
    "FERIZAJ/UROŠEVAC",
    "Mission in Kosovo",
    "Roma and Sinti; Education",
    """FERIZAJ/UROŠEVAC, 28 October 2011 – The OSCE Mission in Kosovo and the municipality of Ferizaj/Uroševac today opened a learning centre offering homework support and catch-up classes to children from the Roma, Ashkali and Egyptian communities.

Only about half of the children from these communities complete primary education, and many leave school because of poverty or because they fall behind in class. The centre, run by community volunteers, will work with 120 pupils and their parents.

“Education is the key that opens every other door,” said Ambassador Werner Almhofer, Head of the Mission. The Mission has supported 12 similar centres across Kosovo since 2009.""",
)

R(
    "h079_skopje_roma_documents_2006",
    "News",
    "Campaign helps Roma obtain identity documents in Šuto Orizari",
    "SKOPJE",
    "OSCE Spillover Monitor Mission to Skopje",
    "Roma and Sinti; Human rights",
    """SKOPJE, 14 June 2006 – Mobile teams of the Ministry of Interior, supported by the OSCE Spillover Monitor Mission to Skopje, this month issued birth certificates and identity cards to more than 600 Roma residents of Šuto Orizari who had never been registered.

Without documents, residents could not enrol their children in school, receive social assistance or vote. Many were born at home or had lost their papers after moving during the 1990s.

“Being registered is the first step to having rights,” said Ambassador Carlos Pais, Head of the Mission. The campaign also reached Roma communities in Kumanovo and Prilep.""",
)

# --- Water, environment ----------------------------------------------------------------------

R(
    "h080_chu_talas_commission_2008",
    "Press release",
    "Kazakhstan and Kyrgyzstan water commission holds first meeting on the Chu and Talas rivers",
    "BISHKEK",
    "OSCE Centre in Bishkek",
    "Environmental activities",
    """BISHKEK, 14 April 2008 – The Chu-Talas Water Commission, established by Kazakhstan and Kyrgyzstan to jointly manage water facilities on the two transboundary rivers, held its first meeting in Bishkek today with the support of the OSCE, the United Nations Economic Commission for Europe and the UN Economic and Social Commission for Asia and the Pacific.

The Commission is responsible for sharing the costs of operating and maintaining dams, reservoirs and canals that serve both countries. Its creation is considered a model for co-operation on shared water resources in Central Asia.

“Water should be a source of co-operation, not of conflict,” said Ambassador Andrew Tesoriere, Head of the OSCE Centre in Bishkek.""",
)

R(
    "h081_dniester_basin_2012",
    "News",
    "Moldova and Ukraine sign treaty on the Dniester river basin",
    "ROME",
    "Secretariat, Mission to Moldova",
    "Environmental activities",
    """ROME, 29 November 2012 – The Ministers of Environment of Moldova and Ukraine today signed a treaty on co-operation in the protection and sustainable development of the Dniester river basin, prepared with the support of the OSCE and the UNECE.

The treaty provides for a joint commission to manage water quality, floods and biodiversity across the entire basin, home to 8 million people. “This treaty brings shared waters under shared rules,” said Goran Svilanović, Co-ordinator of OSCE Economic and Environmental Activities.

The OSCE Mission to Moldova helped bring together experts from both banks of the river, including from the Transdniestrian region, in the preparatory work.""",
)

R(
    "h082_dushanbe_climate_irrigation_2023",
    "News",
    "Farmers and local officials in Khatlon discuss drought, glacier melt and disputes over irrigation",
    "BOKHTAR",
    "Programme Office in Dushanbe",
    "Environmental activities; Conflict prevention and resolution",
    """BOKHTAR, Tajikistan, 21 September 2023 – Forty farmers, members of user associations and district officials from the Khatlon region met in Bokhtar today to discuss how shrinking glaciers and longer droughts are affecting agriculture and relations between upstream and downstream villages.

Experts from the Committee for Environmental Protection presented projections that flows in the Vakhsh and Panj rivers may fall during the summer months within two decades. Participants described disputes over irrigation turns that had turned violent in some villages.

“The climate crisis is a security issue for our region,” said Ambassador Valeriu Chiveri, Head of the OSCE Programme Office in Dushanbe. The Programme Office will support three pilot projects on drip irrigation and a local mediation scheme for irrigation disputes.""",
)

R(
    "h083_mailuu_suu_uranium_2009",
    "Press release",
    "Risks from Soviet-era uranium tailings in Mailuu-Suu discussed at regional forum",
    "BISHKEK",
    "OSCE Centre in Bishkek, Secretariat",
    "Environmental activities",
    """BISHKEK, 24 June 2009 – Representatives of Kyrgyzstan, Tajikistan and Uzbekistan and international donors met in Bishkek today to discuss the remediation of radioactive waste left by Soviet-era uranium mining in Mailuu-Suu and other sites in the Fergana Valley, under the Environment and Security Initiative (ENVSEC) in which the OSCE is a partner.

Landslides and floods could wash the tailings into rivers that supply drinking water and irrigation to millions of people downstream. The forum reviewed the progress of a World Bank project to relocate the most dangerous dumps and the monitoring of radiation levels.

“These hazards do not stop at borders,” said Bernard Snoy, Co-ordinator of OSCE Economic and Environmental Activities.""",
)

R(
    "h084_eef_water_governance_2017",
    "Press release",
    "Economic and Environmental Forum opens in Prague with focus on water governance",
    "PRAGUE",
    "Secretariat, Chairpersonship",
    "Environmental activities; Economic activities",
    """PRAGUE, 6 September 2017 – The 25th OSCE Economic and Environmental Forum opened in Prague today under the Austrian OSCE Chairmanship, with a focus on greening the economy and on the governance of shared water resources.

Some 300 participants discussed how transboundary water agreements, early-warning systems for floods and droughts, and public participation through Aarhus Centres can reduce tensions between neighbouring countries.

“Water scarcity and pollution are among the most serious risks to stability in many parts of our region,” said Vuk Žugić, Co-ordinator of OSCE Economic and Environmental Activities.""",
)

# --- Cyber/ICT security ---------------------------------------------------------------------

R(
    "h085_cyber_cbms_2016",
    "Press release",
    "OSCE participating States adopt new set of cyber/ICT confidence-building measures",
    "VIENNA",
    "Chairpersonship, Secretariat",
    "Cyber/ICT Security",
    """VIENNA, Thursday, 10 March 2016 – The OSCE Permanent Council today adopted a second set of confidence-building measures (CBMs) to reduce the risks of conflict stemming from the use of information and communication technologies.

The new measures encourage participating States to share information on national cyber security strategies, to co-operate in protecting critical infrastructure and to establish communication channels for consultations in the case of serious ICT incidents that could lead to tensions between states.

“These measures are a major step in making cyberspace safer and more predictable,” said German Foreign Minister Frank-Walter Steinmeier, OSCE Chairperson-in-Office. The first set of 11 CBMs was adopted in December 2013.""",
)

R(
    "h086_astana_cyber_training_2021",
    "News",
    "Central Asian officials practise responding to ICT security incidents in tabletop exercise",
    "NUR-SULTAN",
    "Programme Office in Astana, Secretariat",
    "Cyber/ICT Security",
    """NUR-SULTAN, 24 November 2021 – Officials from national computer emergency response teams and foreign ministries of the five Central Asian states took part in a two-day tabletop exercise on responding to cyber incidents affecting critical infrastructure, organized by the OSCE Programme Office in Nur-Sultan and the OSCE Transnational Threats Department.

The scenario simulated an attack on an electricity grid spreading across borders, and tested how participants would use the OSCE cyber/ICT security confidence-building measures and the network of national points of contact to exchange information.

“A cyber incident in one country can become a crisis for its neighbours within hours,” said Ambassador Volker Frobarth, Head of the Programme Office.""",
)

R(
    "h087_montenegro_computer_incident_team_2020",
    "News",
    "Protecting vital networks: Montenegro’s incident response team strengthened",
    "PODGORICA",
    "Mission to Montenegro",
    "Reform and co-operation in the security sector",
    """PODGORICA, 3 November 2020 – Following a series of attacks on government computer systems, the OSCE Mission to Montenegro today handed over server equipment and software for analysing malicious code to the national Computer Incident Response Team (CIRT).

Ten CIRT specialists were trained in digital forensics and the handling of ransomware, and a workshop brought together the operators of the electricity network, banks and telecommunication companies to agree on how to report incidents quickly.

“Hospitals, power plants and banks all depend on computer networks that can be disrupted from anywhere in the world,” said Ambassador Dominique Waag, Head of the Mission.""",
)

R(
    "h088_bih_cybercrime_investigators_2017",
    "News",
    "Police investigators in Bosnia and Herzegovina trained to fight cybercrime",
    "SARAJEVO",
    "Mission to Bosnia and Herzegovina",
    "Policing",
    """SARAJEVO, 15 May 2017 – Twenty police investigators and prosecutors from all levels of government in Bosnia and Herzegovina completed a course on investigating cybercrime and collecting electronic evidence, organized by the OSCE Mission to Bosnia and Herzegovina.

The course covered online fraud, child sexual abuse material, the seizure of computers and mobile phones, and requests for data from foreign service providers.

“Criminals moved online long ago; investigators must follow them,” said Ambassador Jonathan Moore, Head of the Mission. The participants will form a network of specialized cybercrime contact points across police agencies.""",
)

R(
    "h089_cyber_women_scholarship_2023",
    "News",
    "OSCE scholarship programme opens doors for women in cyber security",
    "VIENNA",
    "Secretariat",
    "Cyber/ICT Security; Gender equality",
    """VIENNA, 6 March 2023 – Forty women from Central Asia, Eastern Europe and the South Caucasus began the OSCE’s Women in Cyber Fellowship today, a year-long programme of training, mentoring and networking for young women working in cyber security and ICT policy.

Women make up less than a quarter of the global cyber security workforce. The fellows will attend technical training in incident handling and threat analysis and meet diplomats working on international cyber norms.

“Diverse teams defend networks better,” said Esther Mamedova, Head of the OSCE Cyber/ICT Security Unit.""",
)

# --- Youth ----------------------------------------------------------------------------------

R(
    "h090_perspectives_2030_youth_2018",
    "Press release",
    "Young people present their ideas on security to OSCE Ministerial Council in Milan",
    "MILAN",
    "Chairpersonship",
    "Youth",
    """MILAN, 6 December 2018 – Twenty youth ambassadors from across the OSCE region presented recommendations on the role of young people in security to the Ministers gathered for the 25th OSCE Ministerial Council in Milan today.

The recommendations, developed over six months of online consultations with more than 2,000 young people, call for youth participation in peace processes, for education on human rights and for measures against youth unemployment, which the ambassadors described as a driver of radicalization.

“Young people are not only victims or perpetrators of violence; we are peacebuilders,” said Ana Stojanović, a youth ambassador from Serbia. Italian Foreign Minister Enzo Moavero Milanesi, OSCE Chairperson-in-Office, welcomed the initiative.""",
)

R(
    "h091_skopje_young_people_dialogue_2022",
    "News",
    "Students from different communities in North Macedonia build friendships through summer camp",
    "OHRID",
    "Mission to Skopje",
    "Education; Tolerance and non-discrimination",
    """OHRID, 12 August 2022 – Sixty secondary school students of Macedonian, Albanian, Turkish and Roma background spent a week together in Ohrid at a summer camp on intercultural dialogue organized by the OSCE Mission to Skopje.

The teenagers worked in mixed teams on projects on environmental protection, sports and digital storytelling. Many said it was the first time they had spent time with peers from other communities, as schools in several towns teach in separate shifts by language.

“We learned that we have the same worries and the same dreams,” said Arta, 17, from Tetovo. Ambassador Kilian Wahl, Head of the Mission, said integrated education remained a priority.""",
)

R(
    "h092_dushanbe_youth_leadership_2012",
    "News",
    "Youth leadership school brings together young people from across Tajikistan",
    "DUSHANBE",
    "Office in Tajikistan (closed)",
    "Youth",
    """DUSHANBE, 20 July 2012 – Forty young people from all regions of Tajikistan completed a ten-day youth leadership school organized by the OSCE Office in Tajikistan in the Varzob valley.

The programme included sessions on public speaking, project management, gender equality and the prevention of violent extremism. Participants developed ideas for community projects and presented them to representatives of the Committee on Youth Affairs.

“Two thirds of Tajikistan’s population is under 30,” said Ambassador Ivar Vikki, Head of the Office. “Their energy is the country’s greatest asset.”""",
)

# --- Police reform --------------------------------------------------------------------------

R(
    "h093_serbia_community_policing_2014",
    "News",
    "Community policing pilot expanded to five more municipalities in Serbia",
    "NOVI SAD",
    "Mission to Serbia",
    "Policing",
    """NOVI SAD, 3 June 2014 – The Ministry of Interior of Serbia and the OSCE Mission to Serbia today extended the community policing pilot project to five more municipalities, including Novi Sad, Kragujevac and Bujanovac.

Under the project, police officers are assigned to neighbourhoods, hold regular meetings with residents, schools and local councils and work with them on local safety problems such as traffic near schools and domestic burglaries. Safety councils already operate in 18 municipalities.

“The police must be a service to citizens, not a force above them,” said Police Director Milorad Veljović. Police Inspector Milan Đorđević, who coordinates the project in Vojvodina, said residents now call local officers directly.""",
)

R(
    "h094_kosovo_police_school_1999",
    "Press release",
    "First class of Kosovo Police Service cadets begins training in Vushtrri",
    "VUSHTRRI",
    "Mission in Kosovo",
    "Policing",
    """VUSHTRRI, 6 September 1999 – The first 176 cadets of the new Kosovo Police Service began their training today at the police school established by the OSCE Mission in Kosovo in Vushtrri, in co-operation with the United Nations Interim Administration Mission in Kosovo (UNMIK).

The cadets, including 38 women and members of the Serb, Bosniak and Turkish communities, will follow a nine-week course in democratic policing, human rights and criminal procedure, followed by field training with UN police officers.

“This school is the foundation of a police service that serves all the people of Kosovo,” said Ambassador Daan Everts, Head of the OSCE Mission. The Mission plans to train 3,000 officers by the end of next year.""",
)

R(
    "h095_bishkek_police_reform_2019",
    "Press release",
    "OSCE supports Kyrgyzstan’s police reform with new training curricula",
    "BISHKEK",
    "Programme Office in Bishkek",
    "Policing; Reform and co-operation in the security sector",
    """BISHKEK, 26 February 2019 – The OSCE Programme Office in Bishkek and the Ministry of Interior of Kyrgyzstan today presented new training curricula for the Academy of the Ministry of Interior, developed as part of the country’s police reform.

The curricula replace outdated courses with practical training in human rights, community policing, the use of force and the investigation of domestic violence. A new system for evaluating police performance on the basis of public satisfaction surveys, rather than the number of solved cases, was also introduced.

“Reform means changing how the police see their role: from controlling people to protecting them,” said Ambassador Pierre von Arx, Head of the Programme Office.""",
)

R(
    "h096_moldova_police_domestic_violence_2019",
    "News",
    "Moldovan police officers learn to issue emergency barring orders in domestic violence cases",
    "BĂLȚI",
    "Mission to Moldova",
    "Gender equality; Policing",
    """BĂLȚI, 27 November 2019 – Thirty police officers from northern Moldova completed a training course in Bălți on responding to domestic violence, including the use of emergency barring orders that remove the abuser from the home for up to ten days.

The course, organized by the OSCE Mission to Moldova and the General Police Inspectorate during the 16 Days of Activism against Gender-Based Violence, included role plays on interviewing victims and on risk assessment.

“Every call about violence at home can be a matter of life and death,” said Ambassador Claus Neukirch, Head of the Mission.""",
)

R(
    "h097_skopje_police_ethnic_representation_2002",
    "Press release",
    "New police officers from the ethnic Albanian community deployed in former crisis areas",
    "SKOPJE",
    "OSCE Spillover Monitor Mission to Skopje",
    "Policing",
    """SKOPJE, 17 July 2002 – A new group of 250 police cadets, most of them from the ethnic Albanian community, graduated from the police academy in Idrizovo today and will be deployed to villages in the former crisis areas, as foreseen by the Ohrid Framework Agreement.

The OSCE Spillover Monitor Mission to Skopje has organized the training since last year, with instructors from several participating States. Over 1,000 cadets from minority communities have now been trained.

“Police who speak the language of the people and come from their communities are the best guarantee of confidence,” said Ambassador Craig Jenness, Head of the Mission.""",
)

# --- Gender equality ------------------------------------------------------------------------

R(
    "h098_women_mediators_network_2021",
    "Press release",
    "OSCE launches network of women mediators on International Women’s Day",
    "VIENNA",
    "Secretariat",
    "Gender equality; Conflict prevention and resolution",
    """VIENNA, 8 March 2021 – On International Women’s Day, the OSCE launched a network of women mediators and peacebuilders from across the OSCE region, aiming to increase the participation of women in peace processes.

Women remain under-represented at negotiating tables in the OSCE area, including in the Geneva International Discussions, the Transdniestrian settlement process and the Trilateral Contact Group. The network will offer training, mentoring and a roster of experts for OSCE mediation efforts.

“When women take part in peace processes, agreements are more likely to last,” said OSCE Secretary General Helga Maria Schmid.""",
)

R(
    "h099_survey_violence_against_women_2019",
    "Press release",
    "OSCE survey: seven in ten women have experienced some form of violence",
    "VIENNA",
    "Secretariat",
    "Gender equality",
    """VIENNA, 6 March 2019 – Seven in ten women in South-East and Eastern Europe have experienced some form of abuse, including psychological and physical violence and sexual harassment, since the age of 15, according to an OSCE-led survey on the well-being and safety of women published today.

The survey, based on interviews with some 15,000 women in seven participating States and Kosovo, also covers women’s experiences of armed conflict. Women who lived through conflict reported higher levels of abuse by intimate partners.

“These numbers are not statistics; they are women’s lives,” said Secretary General Thomas Greminger. Few women report abuse to the police, the survey finds, mostly because they do not believe it would help.""",
)

R(
    "h100_armenia_women_politics_2017",
    "News",
    "Women candidates in Armenia trained to run for local office",
    "YEREVAN",
    "ODIHR, Office in Yerevan (closed)",
    "Gender equality; Democratization",
    """YEREVAN, 14 July 2017 – Forty women planning to run for local councils in Armenia completed a training course on campaigning, public speaking and fundraising, organized by ODIHR and the OSCE Office in Yerevan.

Women hold fewer than one in ten seats in Armenia’s local councils. Participants discussed the obstacles they face, from family expectations to the lack of support within parties.

“Politics needs women’s voices at every level,” said Ambassador Argo Avakov, Head of the OSCE Office in Yerevan. ODIHR will follow up with a mentoring programme pairing participants with women parliamentarians.""",
)

# --- National minorities --------------------------------------------------------------------

R(
    "h101_hcnm_van_der_stoel_tetovo_2000",
    "Press release",
    "High Commissioner van der Stoel welcomes agreement on Albanian-language higher education",
    "THE HAGUE",
    "High Commissioner on National Minorities",
    "National minority issues; Education",
    """THE HAGUE, 22 November 2000 – The OSCE High Commissioner on National Minorities, Max van der Stoel, today welcomed the agreement of the Government in Skopje to establish a private university teaching in Albanian, English and Macedonian in Tetovo, supported by international donors.

“Access to higher education in one’s mother tongue is essential for the integration of society,” van der Stoel said. He has worked on the issue of higher education for the Albanian community since 1994.

The new South East European University is expected to open next year with some 900 students.""",
)

R(
    "h102_hcnm_ukraine_language_2021",
    "Press release",
    "OSCE High Commissioner on National Minorities visits Kyiv, discusses language legislation",
    "KYIV",
    "High Commissioner on National Minorities",
    "National minority issues",
    """KYIV, 9 April 2021 – The OSCE High Commissioner on National Minorities, Kairat Abdrakhmanov, concluded a visit to Ukraine today, where he discussed the implementation of the law on the state language and the draft law on national minorities with the government, parliament and representatives of minority communities.

Abdrakhmanov stressed that the promotion of the state language should go hand in hand with the protection of minority languages, in line with the Ljubljana Guidelines on Integration of Diverse Societies. He met Hungarian, Romanian, Crimean Tatar and Bulgarian community leaders in Kyiv and Uzhhorod.

“A gradual and flexible approach to language transition in education will strengthen, not weaken, social cohesion,” the High Commissioner said.""",
)

R(
    "h103_hcnm_graz_recommendations_2017",
    "Press release",
    "HCNM presents Graz Recommendations on Access to Justice and National Minorities",
    "GRAZ",
    "High Commissioner on National Minorities",
    "National minority issues; Rule of law",
    """GRAZ, 17 November 2017 – The OSCE HCNM, Lamberto Zannier, today presented the Graz Recommendations on Access to Justice and National Minorities at a conference hosted by the Austrian OSCE Chairmanship.

The recommendations address the barriers that persons belonging to national minorities face in using the courts, including language, the cost of legal aid and mistrust of the police. They call for interpretation in criminal proceedings, diversity in the judiciary and the collection of data on discrimination.

“Equal access to justice is fundamental for trust in the state,” Zannier said.""",
)

R(
    "h104_hcnm_vollebaek_latvia_2008",
    "Press release",
    "High Commissioner Vollebaek calls for flexibility in bilingual education reform in Latvia",
    "RIGA",
    "High Commissioner on National Minorities",
    "National minority issues; Education",
    """RIGA, 3 April 2008 — The OSCE High Commissioner on National Minorities, Knut Vollebaek, concluded his visit to Latvia today, calling for flexibility in the implementation of the bilingual education reform in minority schools and for faster naturalization of non-citizens.

Vollebaek met Latvian- and Russian-speaking teachers and parents in Riga and Daugavpils. “Schools need time, teacher training and good materials to make the reform a success,” he said. Some 370,000 residents of Latvia remain non-citizens.""",
)

R(
    "h105_hcnm_kamp_kazakhstan_2024",
    "News",
    "OSCE High Commissioner Kamp discusses multilingual education in Kazakhstan",
    "ASTANA",
    "High Commissioner on National Minorities",
    "National minority issues; Education",
    """ASTANA, 16 October 2024 – The OSCE High Commissioner on National Minorities, Christophe Kamp, visited Astana and Almaty from 14 to 16 October, meeting officials, the Assembly of the People of Kazakhstan and representatives of the Uzbek, Uyghur and Korean communities.

Kamp welcomed Kazakhstan’s multilingual education policy and encouraged continued support for schools teaching in minority languages. He also discussed the prevention of interethnic tensions at the local level, including lessons learned from the incidents in Korday district in 2020.""",
)

# --- Arms control, small arms -----------------------------------------------------------------

R(
    "h106_bih_ammunition_destruction_2014",
    "Press release",
    "OSCE helps Bosnia and Herzegovina destroy surplus ammunition and small arms",
    "SARAJEVO",
    "Mission to Bosnia and Herzegovina",
    "Arms control",
    """SARAJEVO, 24 September 2014 – The OSCE Mission to Bosnia and Herzegovina and the Ministry of Defence today completed the destruction of 200 tonnes of surplus ammunition and 5,000 small arms and light weapons (SALW) at the TROM Doboj facility.

The destruction is part of a project to reduce the risk of explosions at poorly secured storage sites, where large stocks inherited from the 1990s remain. The Mission also supports the improvement of security at storage sites through new fences, alarm systems and training.

“Every tonne destroyed is one less risk to the people living near these depots,” said Ambassador Jonathan Moore, Head of the Mission.""",
)

R(
    "h107_vienna_document_2011",
    "Press release",
    "Forum for Security Co-operation adopts updated Vienna Document on confidence- and security-building measures",
    "VIENNA",
    "Secretariat",
    "Arms control",
    """VIENNA, 30 November 2011 - The OSCE Forum for Security Co-operation today adopted the Vienna Document 2011 on Confidence- and Security-Building Measures, the first update of the Document since 1999.

The Vienna Document requires participating States to exchange information annually on their armed forces and defence planning, to notify major military activities and to accept inspections and evaluation visits. The update introduces a mechanism for regular revision every five years.

“Transparency about military forces is a cornerstone of European security,” said the Chairperson of the Forum.""",
)

R(
    "h108_dushanbe_munitions_stockpiles_2013",
    "News",
    "Obsolete munitions removed from depot near Dushanbe",
    "DUSHANBE",
    "Office in Tajikistan (closed)",
    "Reform and co-operation in the security sector",
    """DUSHANBE, 11 October 2013 – The OSCE Office in Tajikistan and the Ministry of Defence completed the removal and disposal of 40 tonnes of obsolete munitions from a depot on the outskirts of Dushanbe, close to residential areas.

Deminers trained by the Office destroyed the rocket fuel and artillery shells at a remote site. The Office also refurbished two storage buildings with lightning protection and fire alarms, and trained 35 storekeepers in stockpile management.

“Unsafe stockpiles are a danger to the people who live nearby,” said Ambassador Ivar Vikki, Head of the Office.""",
)

R(
    "h109_ukraine_salw_control_2020",
    "News",
    "Ukrainian police trained to trace illicit firearms",
    "KYIV",
    "Project Co-ordinator in Ukraine (closed)",
    "Arms control; Policing",
    """KYIV, 4 March 2020 – Twenty-five forensic experts and police officers completed a course on tracing illicit firearms and recording weapons seizures, as part of a project of the OSCE Project Co-ordinator in Ukraine to counter the illicit trafficking of weapons, ammunition and explosives.

The armed conflict in the east of the country has increased the risk that weapons find their way into criminal hands. The Project Co-ordinator also handed over ballistic identification equipment to the Expert Service of the Ministry of Interior.""",
)

# --- Rule of law, anti-corruption -----------------------------------------------------------

R(
    "h110_skopje_trial_monitoring_2010",
    "Press release",
    "OSCE trial monitoring report on organized crime and corruption cases in Skopje",
    "SKOPJE",
    "Mission to Skopje",
    "Rule of law",
    """SKOPJE, 8 December 2010 – The OSCE Mission to Skopje today presented its trial monitoring report on cases of organized crime and corruption, based on the observation of 430 hearings in the Basic Court Skopje I over two years.

The report finds that hearings are frequently postponed, that defendants are held in detention for long periods and that judgments often fail to give adequate reasons. It recommends better case management and training of judges on the use of special investigative measures.

“Trial monitoring is not a judgement on individual cases, but on the system,” said Ambassador José-Luis Herrero, Head of the Mission.""",
)

R(
    "h111_astana_anticorruption_2019",
    "News",
    "Kazakhstan’s civil servants learn about asset declarations and conflicts of interest",
    "NUR-SULTAN",
    "Programme Office in Astana",
    "Good governance",
    """NUR-SULTAN, 12 December 2019 – On International Anti-Corruption Day, the OSCE Programme Office in Nur-Sultan and the Anti-Corruption Agency of Kazakhstan held a seminar for 80 civil servants on the new system of universal asset declarations and the management of conflicts of interest.

Experts from Georgia and Lithuania presented their experience of online asset declaration systems and of the verification of declarations by independent bodies. “Transparency of officials’ assets is a powerful tool against corruption,” said Ambassador György Szabó, Head of the Programme Office.""",
)

R(
    "h112_serbia_integrity_bribery_2020",
    "News",
    "Municipal officials in Serbia trained on integrity and the prevention of bribery",
    "KRAGUJEVAC",
    "Mission to Serbia",
    "Good governance",
    """KRAGUJEVAC, 22 October 2020 – Thirty officials from municipalities in Šumadija and Pomoravlje completed a training course on integrity plans, whistle-blower protection and the prevention of bribery in public procurement, organized by the OSCE Mission to Serbia.

Participants analysed real procurement files for warning signs such as tailor-made tender specifications and repeated contracts with the same supplier. “Citizens need to know that public money is spent honestly,” said Ambassador Jan Braathu, Head of the Mission.""",
)

R(
    "h113_albania_justice_reform_2020",
    "Press release",
    "OSCE Presence and EU support Albania’s justice reform and vetting of judges",
    "",
    "Presence in Albania",
    "Rule of law; Good governance",
    """TIRANA / BRUSSELS – 6 October 2020. The OSCE Presence in Albania and the European Union today launched a new phase of their joint support to Albania’s justice reform, including the vetting of judges and prosecutors, the new anti-corruption prosecution office SPAK and the courts’ case management.

Since 2016, the vetting institutions have examined the assets, professional skills and links to organized crime of more than 280 judges and prosecutors, leading to the dismissal or resignation of more than half of them.

“The reform is painful but necessary for citizens to trust justice again,” said Ambassador Vincenzo Del Monaco, Head of the Presence.""",
    date="6 October 2020",
)

R(
    "h114_montenegro_judicial_independence_2016",
    "News",
    "Judges and prosecutors in Montenegro discuss judicial independence and ethics",
    "BUDVA",
    "Mission to Montenegro",
    "Rule of law",
    """BUDVA, 19 May 2016 – Sixty judges and prosecutors from Montenegro took part in a conference on judicial independence and ethics in Budva, organized by the OSCE Mission to Montenegro and the Judicial Council.

Participants discussed the new code of ethics, the appointment of judges on merit and the protection of judges from political pressure. “An independent judiciary is a precondition for the rule of law,” said Ambassador Janina Hrebičková.""",
)

# --- Migration, human rights, assorted -------------------------------------------------------

R(
    "h115_serbia_presevo_migrants_2015",
    "News",
    "OSCE Mission to Serbia visits reception centre in Preševo as refugee and migrant arrivals peak",
    "PREŠEVO",
    "Mission to Serbia",
    "Migration; Human rights",
    """PREŠEVO, 21 October 2015 – A team of the OSCE Mission to Serbia visited the one-stop reception centre in Preševo today, where more than 8,000 refugees and migrants, most of them from Syria, Afghanistan and Iraq, were registered in a single day.

The team met the Commissariat for Refugees and Migration, the police and humanitarian organizations, and observed the registration of new arrivals, the distribution of food and blankets and the care provided to unaccompanied children. Many people waited for hours in the rain.

“The authorities and local people have shown great solidarity, but the reception capacities are stretched to the limit,” said Ambassador Peter Burkhard, Head of the Mission. The Mission is supporting municipalities along the route with interpreters and with training for police on the protection of vulnerable groups.""",
)

R(
    "h116_odihr_human_rights_defenders_2014",
    "Press release",
    "ODIHR publishes Guidelines on the Protection of Human Rights Defenders",
    "WARSAW",
    "ODIHR",
    "Human rights",
    """WARSAW, 10 June 2014 – ODIHR today published Guidelines on the Protection of Human Rights Defenders, based on extensive consultations with defenders, governments and international experts from across the OSCE region.

The Guidelines set out how states should protect people who act to promote and defend human rights from threats, attacks, smear campaigns and judicial harassment, and how they should ensure that defenders can work and associate freely, including receiving funding from abroad.

“Human rights defenders play a crucial role in holding states to their commitments,” said ODIHR Director Michael Georg Link. “Many of them pay a heavy price for this.”""",
)

R(
    "h117_odihr_assembly_monitoring_2019",
    "News",
    "ODIHR monitors freedom of peaceful assembly in seven participating States",
    "WARSAW",
    "ODIHR",
    "Human rights; Democratization",
    """WARSAW, 28 November 2019 – ODIHR today published its report on the monitoring of public assemblies in seven participating States between 2017 and 2018, covering 40 demonstrations, marches and counter-protests.

Monitors found that most assemblies were facilitated by the police in line with international standards, but noted cases of blanket bans, excessive use of force, kettling and the detention of journalists covering protests. “Peaceful assembly is a fundamental human right, not a privilege granted by the authorities,” said ODIHR Director Ingibjörg Sólrún Gísladóttir.""",
)

R(
    "h118_georgia_parliamentary_2024",
    "Press release",
    "Georgia’s elections marked by divisions, pressure on voters and an uneven playing field, observers say",
    "TBILISI",
    "ODIHR, OSCE Parliamentary Assembly",
    "Elections",
    """TBILISI, 27 October 2024 – The 26 October parliamentary elections in Georgia were marked by an uneven playing field, pressure on voters and deep polarization, although voters had a wide range of options and the administration of election day was generally orderly, international observers said today.

The observers noted concerns about the impact of recently adopted legislation on foreign influence on civil society and the media, and reports of intimidation, vote-buying and the tracking of voters near polling stations. The new electronic voting technologies were used in most polling stations and generally functioned well.

“Georgia’s voters deserve elections in which they can vote without fear,” said Pascal Allizard, Special Co-ordinator and leader of the short-term OSCE observer mission. Some 530 observers from 42 countries took part in the mission.""",
)

R(
    "h119_feature_smm_monitor_story",
    "Feature",
    "“The day the shooting stopped”: a monitor remembers",
    "",
    "Special Monitoring Mission to Ukraine (closed)",
    "Conflict prevention and resolution",
    """For two years, Oksana Melnyk’s morning began with the same task: reading the overnight log of explosions recorded by the cameras of the OSCE Special Monitoring Mission near Shyrokyne, a village on the Azov Sea coast almost completely destroyed by fighting.

“Some nights there were hundreds,” she recalls. “Then one morning in September the log was almost empty. We drove to the village and for the first time I heard birds.”

The quiet followed one of several recommitments by the sides to stop firing, negotiated in the Trilateral Contact Group. It did not last long, but for a few weeks farmers returned to their fields and a school reopened in a neighbouring town.

Melnyk, a national mission member from Kharkiv, says the monitors’ most important work was often invisible: patient phone calls to commanders on both sides to arrange a few hours of calm so that a gas pipe could be welded, or an elderly woman could cross to collect her pension.""",
    date="15 December 2021",
)

R(
    "h120_pa_winter_meeting_2020",
    "Press release",
    "OSCE Parliamentary Assembly Winter Meeting focuses on conflict resolution and economic security",
    "VIENNA",
    "OSCE Parliamentary Assembly",
    "Conflict prevention and resolution",
    """VIENNA, 20 February 2020 – More than 250 parliamentarians from 57 countries gathered in Vienna today for the 19th Winter Meeting of the OSCE Parliamentary Assembly, which opened with a debate on the role of parliaments in resolving protracted conflicts.

OSCE PA President George Tsereteli said parliamentarians could help build trust between societies in the conflicts in and around Ukraine, Georgia, Moldova and Nagorno-Karabakh. Speakers also discussed the economic impact of climate change and the safety of journalists. The Assembly’s committees held debates on election observation, migration and anti-corruption efforts.""",
)

R(
    "h121_smm_patrol_mine_2017",
    "Spot report",
    "Spot report by the OSCE Special Monitoring Mission to Ukraine (SMM): SMM patrol vehicle hits mine near Pryshyb, one monitor killed",
    "KYIV",
    "Special Monitoring Mission to Ukraine (closed)",
    "Conflict prevention and resolution",
    """KYIV, 23 April 2017 – At 11:17 today, an SMM armoured vehicle was hit by an explosion, likely caused by a mine, near Pryshyb in non-government-controlled Luhansk region, during a patrol. The vehicle was part of a two-car patrol with six monitors.

One SMM patrol member, a paramedic, was killed and two other monitors were taken to a hospital in Luhansk city. The SMM is in contact with the families and the authorities and is establishing the facts.

The SMM reiterates that the sides must ensure the safety and security of its monitors and clear mines from the roads used by civilians and the Mission.""",
)
