#!/usr/bin/env python3
"""Build tidings/data/countries.tsv, igos.tsv and agents.tsv.

    python3 tools/build_actor_tables.py [--shared ../shared] [--check]

Inputs (all under <shared>/eval/reference/):
  * ngec_countries.csv       ahalterman/NGEC @787a06b (no licence stated; names,
                             ISO codes and nationality words are used as facts)
  * Phoenix.agents.txt       openeventdata/petrarch2 @676801c, MIT
  * PLOVER_agents.txt        ahalterman/NGEC @787a06b (a PLOVER-coded copy of the
                             Phoenix agents file; a few additions are taken)
plus the curated tables inline below (capitals, metonyms, Wikidata ids, extra
aliases/adjectives, IGO and armed-group rows, agent overrides).  The Phoenix
International/MilNonState/Countries dictionaries were read by hand for the IGO
codes; their code for every row is written in the IGO table below.

``--shared`` defaults to the ``shared`` folder next to the repository
(``../shared`` from the repository root).  ``--check`` rebuilds in memory and
exits 1 if the files on disk differ.  Plain python3, standard library only.
See tidings/data/README.md for what every decision means.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tidings" / "data"

# ==========================================================================
# Countries
# ==========================================================================
# iso3 ; name ; capital ; metonyms ; wikidata ; aliases ; adjectives
#   capital / metonyms / aliases / adjectives are |-separated.
#   metonyms "=" means "the capital"; "-" means none (the capital is left out
#   where the city name is a common word, names something else more often, or
#   is the country's own name).
#   aliases / adjectives are merged with the nationality words of
#   ngec_countries.csv (see NGEC_DROP for what is not taken from there).
COUNTRIES = """
AFG ; Afghanistan ; Kabul ; = ; Q889 ; Islamic Republic of Afghanistan|Islamic Emirate of Afghanistan ; Afghan|Afghans
ALB ; Albania ; Tirana ; = ; Q222 ; Republic of Albania ; Albanian|Albanians
DZA ; Algeria ; Algiers ; = ; Q262 ; People's Democratic Republic of Algeria ; Algerian|Algerians
AND ; Andorra ; Andorra la Vella ; = ; Q228 ; Principality of Andorra ; Andorran|Andorrans
AGO ; Angola ; Luanda ; = ; Q916 ; Republic of Angola ; Angolan|Angolans
ATG ; Antigua and Barbuda ; Saint John's ; - ; Q781 ; Antigua|Barbuda|Antigua & Barbuda ; Antiguan|Antiguans|Barbudan|Barbudans
ARG ; Argentina ; Buenos Aires ; Buenos Aires|Casa Rosada ; Q414 ; Argentine Republic ; Argentine|Argentines|Argentinian|Argentinians|Argentinean|Argentineans
ARM ; Armenia ; Yerevan ; = ; Q399 ; Republic of Armenia ; Armenian|Armenians
AUS ; Australia ; Canberra ; = ; Q408 ; Commonwealth of Australia ; Australian|Australians|Aussie|Aussies
AUT ; Austria ; Vienna ; = ; Q40 ; Republic of Austria ; Austrian|Austrians
AZE ; Azerbaijan ; Baku ; = ; Q227 ; Republic of Azerbaijan ; Azerbaijani|Azerbaijanis|Azeri|Azeris
BHS ; Bahamas ; Nassau ; = ; Q778 ; The Bahamas|the Bahamas|Commonwealth of The Bahamas ; Bahamian|Bahamians
BHR ; Bahrain ; Manama ; = ; Q398 ; Kingdom of Bahrain ; Bahraini|Bahrainis
BGD ; Bangladesh ; Dhaka ; = ; Q902 ; People's Republic of Bangladesh ; Bangladeshi|Bangladeshis
BRB ; Barbados ; Bridgetown ; = ; Q244 ; - ; Barbadian|Barbadians|Bajan|Bajans
BLR ; Belarus ; Minsk ; = ; Q184 ; Republic of Belarus|Byelorussia|Belorussia|Belarussia ; Belarusian|Belarusians|Belarussian|Belarussians|Byelorussian|Byelorussians|Belorussian|Belorussians
BEL ; Belgium ; Brussels ; - ; Q31 ; Kingdom of Belgium ; Belgian|Belgians
BLZ ; Belize ; Belmopan ; = ; Q242 ; - ; Belizean|Belizeans
BEN ; Benin ; Porto-Novo ; Porto-Novo|Cotonou ; Q962 ; Republic of Benin|Dahomey ; Beninese
BTN ; Bhutan ; Thimphu ; = ; Q917 ; Kingdom of Bhutan ; Bhutanese
BOL ; Bolivia ; Sucre|La Paz ; La Paz ; Q750 ; Plurinational State of Bolivia ; Bolivian|Bolivians
BIH ; Bosnia and Herzegovina ; Sarajevo ; = ; Q225 ; Bosnia-Herzegovina|Bosnia & Herzegovina|Bosnia|BiH ; Bosnian|Bosnians|Bosniak|Bosniaks|Herzegovinian|Herzegovinians
BWA ; Botswana ; Gaborone ; = ; Q963 ; Republic of Botswana ; Motswana|Batswana|Botswanan|Botswanans
BRA ; Brazil ; Brasília ; Brasília|Brasilia|Planalto|Planalto Palace ; Q155 ; Federative Republic of Brazil|Brasil ; Brazilian|Brazilians
BRN ; Brunei ; Bandar Seri Begawan ; = ; Q921 ; Brunei Darussalam ; Bruneian|Bruneians
BGR ; Bulgaria ; Sofia ; = ; Q219 ; Republic of Bulgaria ; Bulgarian|Bulgarians
BFA ; Burkina Faso ; Ouagadougou ; = ; Q965 ; Burkina|Upper Volta ; Burkinabe|Burkinabè|Burkinabes
BDI ; Burundi ; Gitega ; Gitega|Bujumbura ; Q967 ; Republic of Burundi ; Burundian|Burundians
CPV ; Cabo Verde ; Praia ; = ; Q1011 ; Cape Verde|Republic of Cabo Verde ; Cape Verdean|Cape Verdeans|Cabo Verdean|Cabo Verdeans
KHM ; Cambodia ; Phnom Penh ; = ; Q424 ; Kingdom of Cambodia|Kampuchea ; Cambodian|Cambodians|Khmer|Kampuchean|Kampucheans
CMR ; Cameroon ; Yaoundé ; Yaoundé|Yaounde ; Q1009 ; Republic of Cameroon|Cameroun ; Cameroonian|Cameroonians
CAN ; Canada ; Ottawa ; = ; Q16 ; - ; Canadian|Canadians
CAF ; Central African Republic ; Bangui ; = ; Q929 ; CAR|Centrafrique ; Central African|Central Africans
TCD ; Chad ; N'Djamena ; N'Djamena|Ndjamena ; Q657 ; Republic of Chad|Tchad ; Chadian|Chadians
CHL ; Chile ; Santiago ; Santiago|La Moneda ; Q298 ; Republic of Chile ; Chilean|Chileans
CHN ; China ; Beijing ; Beijing|Zhongnanhai ; Q148 ; People's Republic of China|PRC ; Chinese
COL ; Colombia ; Bogotá ; Bogotá|Bogota|Casa de Nariño ; Q739 ; Republic of Colombia ; Colombian|Colombians
COM ; Comoros ; Moroni ; = ; Q970 ; Union of the Comoros|the Comoros ; Comoran|Comorans|Comorian|Comorians
COG ; Republic of the Congo ; Brazzaville ; = ; Q971 ; Republic of Congo|Congo-Brazzaville|Congo Brazzaville|Congo Republic ; -
COD ; Democratic Republic of the Congo ; Kinshasa ; = ; Q974 ; DR Congo|DRC|D.R. Congo|Democratic Republic of Congo|Congo-Kinshasa|Congo Kinshasa|Zaire ; Congolese
CRI ; Costa Rica ; San José ; - ; Q800 ; Republic of Costa Rica ; Costa Rican|Costa Ricans
CIV ; Côte d'Ivoire ; Yamoussoukro ; Abidjan|Yamoussoukro ; Q1008 ; Ivory Coast|Cote d'Ivoire|Côte d’Ivoire|Cote d’Ivoire|Republic of Côte d'Ivoire ; Ivorian|Ivorians
HRV ; Croatia ; Zagreb ; = ; Q224 ; Republic of Croatia|Hrvatska ; Croatian|Croatians|Croat|Croats
CUB ; Cuba ; Havana ; = ; Q241 ; Republic of Cuba ; Cuban|Cubans
CYP ; Cyprus ; Nicosia ; = ; Q229 ; Republic of Cyprus ; Cypriot|Cypriots|Greek Cypriot|Greek Cypriots
CZE ; Czechia ; Prague ; = ; Q213 ; Czech Republic ; Czech|Czechs
DNK ; Denmark ; Copenhagen ; Copenhagen|Christiansborg ; Q35 ; Kingdom of Denmark|Faroes ; Danish|Dane|Danes
DJI ; Djibouti ; Djibouti ; - ; Q977 ; Republic of Djibouti ; Djiboutian|Djiboutians
DMA ; Dominica ; Roseau ; = ; Q784 ; Commonwealth of Dominica ; -
DOM ; Dominican Republic ; Santo Domingo ; = ; Q786 ; - ; Dominican|Dominicans
ECU ; Ecuador ; Quito ; Quito|Carondelet Palace ; Q736 ; Republic of Ecuador ; Ecuadorian|Ecuadorians|Ecuadorean|Ecuadoreans
EGY ; Egypt ; Cairo ; = ; Q79 ; Arab Republic of Egypt ; Egyptian|Egyptians
SLV ; El Salvador ; San Salvador ; = ; Q792 ; Republic of El Salvador ; Salvadoran|Salvadorans|Salvadorean|Salvadoreans
GNQ ; Equatorial Guinea ; Malabo ; = ; Q983 ; Republic of Equatorial Guinea ; Equatorial Guinean|Equatorial Guineans|Equatoguinean|Equatoguineans
ERI ; Eritrea ; Asmara ; = ; Q986 ; State of Eritrea ; Eritrean|Eritreans
EST ; Estonia ; Tallinn ; = ; Q191 ; Republic of Estonia ; Estonian|Estonians
SWZ ; Eswatini ; Mbabane|Lobamba ; Mbabane ; Q1050 ; Swaziland|Kingdom of Eswatini ; Swazi|Swazis
ETH ; Ethiopia ; Addis Ababa ; = ; Q115 ; Federal Democratic Republic of Ethiopia ; Ethiopian|Ethiopians
FJI ; Fiji ; Suva ; = ; Q712 ; Republic of Fiji ; Fijian|Fijians
FIN ; Finland ; Helsinki ; = ; Q33 ; Republic of Finland|Suomi ; Finnish|Finn|Finns
FRA ; France ; Paris ; Elysee|Élysée|Elysée|Elysee Palace|Élysée Palace|Paris|Matignon|Quai d'Orsay ; Q142 ; French Republic ; French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen
GAB ; Gabon ; Libreville ; = ; Q1000 ; Gabonese Republic ; Gabonese
GMB ; Gambia ; Banjul ; = ; Q1005 ; The Gambia|the Gambia|Republic of The Gambia ; Gambian|Gambians
GEO ; Georgia ; Tbilisi ; = ; Q230 ; Sakartvelo ; Georgian|Georgians
DEU ; Germany ; Berlin ; = ; Q183 ; Federal Republic of Germany|Deutschland ; German|Germans
GHA ; Ghana ; Accra ; = ; Q117 ; Republic of Ghana ; Ghanaian|Ghanaians
GRC ; Greece ; Athens ; = ; Q41 ; Hellenic Republic|Hellas ; Greek|Greeks|Hellenic
GRD ; Grenada ; St. George's ; - ; Q769 ; - ; Grenadian|Grenadians
GTM ; Guatemala ; Guatemala City ; = ; Q774 ; Republic of Guatemala ; Guatemalan|Guatemalans
GIN ; Guinea ; Conakry ; = ; Q1006 ; Republic of Guinea|Guinea-Conakry ; Guinean|Guineans
GNB ; Guinea-Bissau ; Bissau ; = ; Q1007 ; Guinea Bissau|Republic of Guinea-Bissau ; Bissau-Guinean|Bissau-Guineans|Guinea-Bissauan|Guinea-Bissauans
GUY ; Guyana ; Georgetown ; - ; Q734 ; Co-operative Republic of Guyana ; Guyanese
HTI ; Haiti ; Port-au-Prince ; = ; Q790 ; Republic of Haiti ; Haitian|Haitians
HND ; Honduras ; Tegucigalpa ; = ; Q783 ; Republic of Honduras ; Honduran|Hondurans
HUN ; Hungary ; Budapest ; = ; Q28 ; - ; Hungarian|Hungarians
ISL ; Iceland ; Reykjavík ; Reykjavík|Reykjavik ; Q189 ; - ; Icelandic|Icelander|Icelanders
IND ; India ; New Delhi ; New Delhi|South Block ; Q668 ; Republic of India|Bharat ; Indian|Indians
IDN ; Indonesia ; Jakarta ; = ; Q252 ; Republic of Indonesia ; Indonesian|Indonesians
IRN ; Iran ; Tehran ; Tehran|Teheran ; Q794 ; Islamic Republic of Iran|Persia ; Iranian|Iranians
IRQ ; Iraq ; Baghdad ; = ; Q796 ; Republic of Iraq ; Iraqi|Iraqis
IRL ; Ireland ; Dublin ; = ; Q27 ; Republic of Ireland|Eire|Éire ; Irish|Irishman|Irishmen
ISR ; Israel ; Jerusalem ; = ; Q801 ; State of Israel ; Israeli|Israelis
ITA ; Italy ; Rome ; Rome|Palazzo Chigi ; Q38 ; Italian Republic ; Italian|Italians
JAM ; Jamaica ; Kingston ; = ; Q766 ; - ; Jamaican|Jamaicans
JPN ; Japan ; Tokyo ; = ; Q17 ; Nippon ; Japanese
JOR ; Jordan ; Amman ; = ; Q810 ; Hashemite Kingdom of Jordan ; Jordanian|Jordanians
KAZ ; Kazakhstan ; Astana ; Astana|Akorda ; Q232 ; Republic of Kazakhstan ; Kazakh|Kazakhs|Kazakhstani|Kazakhstanis
KEN ; Kenya ; Nairobi ; = ; Q114 ; Republic of Kenya ; Kenyan|Kenyans
KIR ; Kiribati ; South Tarawa ; Tarawa ; Q710 ; - ; I-Kiribati
PRK ; North Korea ; Pyongyang ; = ; Q423 ; DPRK|D.P.R.K.|Democratic People's Republic of Korea ; North Korean|North Koreans
KOR ; South Korea ; Seoul ; Seoul|Blue House|Cheong Wa Dae ; Q884 ; Republic of Korea|ROK|R.O.K. ; South Korean|South Koreans
KWT ; Kuwait ; Kuwait City ; = ; Q817 ; State of Kuwait ; Kuwaiti|Kuwaitis
KGZ ; Kyrgyzstan ; Bishkek ; = ; Q813 ; Kyrgyz Republic|Kirghizia ; Kyrgyz|Kirghiz|Kyrgyzstani|Kyrgyzstanis
LAO ; Laos ; Vientiane ; = ; Q819 ; Lao PDR|Lao People's Democratic Republic ; Laotian|Laotians|Lao
LVA ; Latvia ; Riga ; = ; Q211 ; Republic of Latvia ; Latvian|Latvians
LBN ; Lebanon ; Beirut ; Beirut|Baabda ; Q822 ; Lebanese Republic ; Lebanese
LSO ; Lesotho ; Maseru ; = ; Q1013 ; Kingdom of Lesotho ; Mosotho|Basotho
LBR ; Liberia ; Monrovia ; = ; Q1014 ; Republic of Liberia ; Liberian|Liberians
LBY ; Libya ; Tripoli ; = ; Q1016 ; State of Libya ; Libyan|Libyans
LIE ; Liechtenstein ; Vaduz ; = ; Q347 ; Principality of Liechtenstein ; Liechtensteiner|Liechtensteiners
LTU ; Lithuania ; Vilnius ; = ; Q37 ; Republic of Lithuania ; Lithuanian|Lithuanians
LUX ; Luxembourg ; Luxembourg ; - ; Q32 ; Grand Duchy of Luxembourg ; Luxembourger|Luxembourgers|Luxembourgish
MDG ; Madagascar ; Antananarivo ; = ; Q1019 ; Republic of Madagascar ; Malagasy
MWI ; Malawi ; Lilongwe ; = ; Q1020 ; Republic of Malawi ; Malawian|Malawians
MYS ; Malaysia ; Kuala Lumpur ; Kuala Lumpur|Putrajaya ; Q833 ; - ; Malaysian|Malaysians
MDV ; Maldives ; Malé ; - ; Q826 ; the Maldives|Republic of Maldives ; Maldivian|Maldivians
MLI ; Mali ; Bamako ; Bamako|Koulouba ; Q912 ; Republic of Mali ; Malian|Malians
MLT ; Malta ; Valletta ; = ; Q233 ; Republic of Malta ; Maltese
MHL ; Marshall Islands ; Majuro ; = ; Q709 ; the Marshall Islands|Republic of the Marshall Islands ; Marshallese
MRT ; Mauritania ; Nouakchott ; = ; Q1025 ; Islamic Republic of Mauritania ; Mauritanian|Mauritanians
MUS ; Mauritius ; Port Louis ; = ; Q1027 ; Republic of Mauritius ; Mauritian|Mauritians
MEX ; Mexico ; Mexico City ; Mexico City|Palacio Nacional|Los Pinos ; Q96 ; United Mexican States ; Mexican|Mexicans
FSM ; Micronesia ; Palikir ; = ; Q702 ; Federated States of Micronesia|FSM ; Micronesian|Micronesians
MDA ; Moldova ; Chișinău ; Chișinău|Chisinau|Kishinev ; Q217 ; Republic of Moldova|Moldavia ; Moldovan|Moldovans
MCO ; Monaco ; Monaco ; - ; Q235 ; Principality of Monaco ; Monegasque|Monegasques|Monacan
MNG ; Mongolia ; Ulaanbaatar ; Ulaanbaatar|Ulan Bator ; Q711 ; - ; Mongolian|Mongolians
MNE ; Montenegro ; Podgorica ; = ; Q236 ; Crna Gora ; Montenegrin|Montenegrins
MAR ; Morocco ; Rabat ; = ; Q1028 ; Kingdom of Morocco ; Moroccan|Moroccans
MOZ ; Mozambique ; Maputo ; = ; Q1029 ; Republic of Mozambique ; Mozambican|Mozambicans
MMR ; Myanmar ; Naypyidaw ; Naypyidaw|Naypyitaw|Nay Pyi Taw ; Q836 ; Burma|Republic of the Union of Myanmar ; Burmese
NAM ; Namibia ; Windhoek ; = ; Q1030 ; Republic of Namibia ; Namibian|Namibians
NRU ; Nauru ; Yaren ; = ; Q697 ; Republic of Nauru ; Nauruan|Nauruans
NPL ; Nepal ; Kathmandu ; = ; Q837 ; Federal Democratic Republic of Nepal ; Nepalese|Nepali|Nepalis
NLD ; Netherlands ; Amsterdam ; The Hague|Amsterdam ; Q55 ; the Netherlands|Holland|Kingdom of the Netherlands ; Dutch|Dutchman|Dutchmen|Netherlander|Netherlanders
NZL ; New Zealand ; Wellington ; = ; Q664 ; Aotearoa|NZ ; New Zealander|New Zealanders|Kiwi|Kiwis
NIC ; Nicaragua ; Managua ; = ; Q811 ; Republic of Nicaragua ; Nicaraguan|Nicaraguans
NER ; Niger ; Niamey ; = ; Q1032 ; Republic of the Niger|Republic of Niger ; Nigerien|Nigeriens
NGA ; Nigeria ; Abuja ; Abuja|Aso Rock|Aso Villa ; Q1033 ; Federal Republic of Nigeria ; Nigerian|Nigerians
MKD ; North Macedonia ; Skopje ; = ; Q221 ; Macedonia|Republic of North Macedonia|FYROM|Former Yugoslav Republic of Macedonia ; Macedonian|Macedonians
NOR ; Norway ; Oslo ; = ; Q20 ; Kingdom of Norway ; Norwegian|Norwegians
OMN ; Oman ; Muscat ; = ; Q842 ; Sultanate of Oman ; Omani|Omanis
PAK ; Pakistan ; Islamabad ; = ; Q843 ; Islamic Republic of Pakistan ; Pakistani|Pakistanis
PLW ; Palau ; Ngerulmud ; = ; Q695 ; Republic of Palau|Belau ; Palauan|Palauans
PSE ; Palestine ; Ramallah ; Ramallah|Palestinian Authority|Palestinian National Authority ; - ; State of Palestine|Palestinian territories|West Bank|Gaza|Gaza Strip ; Palestinian|Palestinians|Gazan|Gazans
PAN ; Panama ; Panama City ; = ; Q804 ; Republic of Panama ; Panamanian|Panamanians
PNG ; Papua New Guinea ; Port Moresby ; = ; Q691 ; PNG ; Papua New Guinean|Papua New Guineans
PRY ; Paraguay ; Asunción ; Asunción|Asuncion ; Q733 ; Republic of Paraguay ; Paraguayan|Paraguayans
PER ; Peru ; Lima ; = ; Q419 ; Republic of Peru ; Peruvian|Peruvians
PHL ; Philippines ; Manila ; Manila|Malacañang|Malacanang|Malacañang Palace ; Q928 ; the Philippines|Republic of the Philippines ; Filipino|Filipinos|Filipina|Filipinas|Philippine
POL ; Poland ; Warsaw ; = ; Q36 ; Republic of Poland|Polska ; Polish|Pole|Poles
PRT ; Portugal ; Lisbon ; = ; Q45 ; Portuguese Republic ; Portuguese
QAT ; Qatar ; Doha ; = ; Q846 ; State of Qatar ; Qatari|Qataris
ROU ; Romania ; Bucharest ; Bucharest|Cotroceni ; Q218 ; Rumania|Roumania ; Romanian|Romanians
RUS ; Russia ; Moscow ; Kremlin|the Kremlin|Moscow ; Q159 ; Russian Federation ; Russian|Russians
RWA ; Rwanda ; Kigali ; = ; Q1037 ; Republic of Rwanda ; Rwandan|Rwandans
KNA ; Saint Kitts and Nevis ; Basseterre ; = ; Q763 ; St Kitts and Nevis|St. Kitts and Nevis|Saint Kitts|St Kitts|St. Kitts|Nevis|Federation of Saint Kitts and Nevis ; Kittitian|Kittitians|Nevisian|Nevisians
LCA ; Saint Lucia ; Castries ; = ; Q760 ; St Lucia|St. Lucia ; Saint Lucian|Saint Lucians|St Lucian|St Lucians
VCT ; Saint Vincent and the Grenadines ; Kingstown ; = ; Q757 ; St Vincent and the Grenadines|St. Vincent and the Grenadines|Saint Vincent|St Vincent|St. Vincent ; Vincentian|Vincentians|Saint Vincentian
WSM ; Samoa ; Apia ; = ; Q683 ; Independent State of Samoa|Western Samoa ; Samoan|Samoans
SMR ; San Marino ; San Marino ; - ; Q238 ; Republic of San Marino ; Sammarinese
STP ; São Tomé and Príncipe ; São Tomé ; São Tomé|Sao Tome ; Q1039 ; Sao Tome and Principe|São Tomé e Príncipe ; Santomean|Santomeans|Sao Tomean|Sao Tomeans
SAU ; Saudi Arabia ; Riyadh ; = ; Q851 ; Kingdom of Saudi Arabia|KSA ; Saudi|Saudis|Saudi Arabian|Saudi Arabians
SEN ; Senegal ; Dakar ; = ; Q1041 ; Republic of Senegal ; Senegalese
SRB ; Serbia ; Belgrade ; = ; Q403 ; Republic of Serbia ; Serbian|Serbians|Serb|Serbs
SYC ; Seychelles ; Victoria ; - ; Q1042 ; the Seychelles|Republic of Seychelles ; Seychellois
SLE ; Sierra Leone ; Freetown ; = ; Q1044 ; Republic of Sierra Leone ; Sierra Leonean|Sierra Leoneans
SGP ; Singapore ; Singapore ; - ; Q334 ; Republic of Singapore ; Singaporean|Singaporeans
SVK ; Slovakia ; Bratislava ; = ; Q214 ; Slovak Republic ; Slovak|Slovaks|Slovakian|Slovakians
SVN ; Slovenia ; Ljubljana ; = ; Q215 ; Republic of Slovenia ; Slovene|Slovenes|Slovenian|Slovenians
SLB ; Solomon Islands ; Honiara ; = ; Q685 ; the Solomon Islands|Solomons ; Solomon Islander|Solomon Islanders
SOM ; Somalia ; Mogadishu ; Mogadishu|Villa Somalia ; Q1045 ; Federal Republic of Somalia ; Somali|Somalis
ZAF ; South Africa ; Pretoria|Cape Town|Bloemfontein ; Pretoria|Union Buildings ; Q258 ; Republic of South Africa|RSA ; South African|South Africans
SSD ; South Sudan ; Juba ; = ; Q958 ; Republic of South Sudan ; South Sudanese
ESP ; Spain ; Madrid ; Madrid|Moncloa|La Moncloa ; Q29 ; Kingdom of Spain|España ; Spanish|Spaniard|Spaniards
LKA ; Sri Lanka ; Sri Jayawardenepura Kotte|Colombo ; Colombo ; Q854 ; Ceylon|Democratic Socialist Republic of Sri Lanka ; Sri Lankan|Sri Lankans
SDN ; Sudan ; Khartoum ; Khartoum|Port Sudan ; Q1049 ; Republic of the Sudan|the Sudan ; Sudanese
SUR ; Suriname ; Paramaribo ; = ; Q730 ; Surinam|Republic of Suriname ; Surinamese|Surinamer|Surinamers
SWE ; Sweden ; Stockholm ; Stockholm|Rosenbad ; Q34 ; Kingdom of Sweden ; Swedish|Swede|Swedes
CHE ; Switzerland ; Bern ; Bern|Berne ; Q39 ; Swiss Confederation|Confoederatio Helvetica ; Swiss
SYR ; Syria ; Damascus ; = ; Q858 ; Syrian Arab Republic ; Syrian|Syrians
TJK ; Tajikistan ; Dushanbe ; = ; Q863 ; Republic of Tajikistan ; Tajik|Tajiks|Tajikistani|Tajikistanis|Tadzhik
TZA ; Tanzania ; Dodoma ; Dodoma|Dar es Salaam ; Q924 ; United Republic of Tanzania|Zanzibar|Tanganyika ; Tanzanian|Tanzanians
THA ; Thailand ; Bangkok ; = ; Q869 ; Kingdom of Thailand|Siam ; Thai|Thais
TLS ; Timor-Leste ; Dili ; = ; Q574 ; East Timor|Timor Leste|Democratic Republic of Timor-Leste ; Timorese|East Timorese
TGO ; Togo ; Lomé ; Lomé|Lome ; Q945 ; Togolese Republic ; Togolese
TON ; Tonga ; Nukuʻalofa ; Nuku'alofa|Nukualofa ; Q678 ; Kingdom of Tonga ; Tongan|Tongans
TTO ; Trinidad and Tobago ; Port of Spain ; = ; Q754 ; Trinidad & Tobago|T&T|Trinidad|Tobago ; Trinidadian|Trinidadians|Tobagonian|Tobagonians
TUN ; Tunisia ; Tunis ; Tunis|Carthage Palace ; Q948 ; Tunisian Republic ; Tunisian|Tunisians
TUR ; Turkey ; Ankara ; = ; Q43 ; Türkiye|Turkiye|Republic of Türkiye|Republic of Turkey ; Turkish|Turk|Turks
TKM ; Turkmenistan ; Ashgabat ; = ; Q874 ; - ; Turkmen|Turkmens|Turkmenistani
TUV ; Tuvalu ; Funafuti ; = ; Q672 ; - ; Tuvaluan|Tuvaluans
UGA ; Uganda ; Kampala ; Kampala|Entebbe ; Q1036 ; Republic of Uganda ; Ugandan|Ugandans
UKR ; Ukraine ; Kyiv ; Kyiv|Kiev|Bankova ; Q212 ; the Ukraine ; Ukrainian|Ukrainians
ARE ; United Arab Emirates ; Abu Dhabi ; = ; Q878 ; UAE|U.A.E. ; Emirati|Emiratis
GBR ; United Kingdom ; London ; Downing Street|Whitehall|London|Number 10|No 10|No. 10 ; Q145 ; UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland|the United Kingdom|England|Scotland|Wales|Northern Ireland ; British|Briton|Britons|Brit|Brits|English|Englishman|Englishmen|Scottish|Scot|Scots|Welsh|Northern Irish
USA ; United States ; Washington, D.C. ; White House|Washington|State Department|Oval Office ; Q30 ; the United States|United States of America|U.S.|US|USA|U.S.A.|America ; American|Americans
URY ; Uruguay ; Montevideo ; = ; Q77 ; Oriental Republic of Uruguay ; Uruguayan|Uruguayans
UZB ; Uzbekistan ; Tashkent ; = ; Q265 ; Republic of Uzbekistan ; Uzbek|Uzbeks|Uzbekistani|Uzbekistanis
VUT ; Vanuatu ; Port Vila ; = ; Q686 ; Republic of Vanuatu|New Hebrides ; Ni-Vanuatu
VAT ; Vatican City ; Vatican City ; Vatican|the Vatican|Holy See|the Holy See|Apostolic Palace ; Q237 ; Vatican City State|State of the Vatican City ; -
VEN ; Venezuela ; Caracas ; Caracas|Miraflores ; Q717 ; Bolivarian Republic of Venezuela ; Venezuelan|Venezuelans
VNM ; Vietnam ; Hanoi ; = ; Q881 ; Viet Nam|Socialist Republic of Vietnam ; Vietnamese
YEM ; Yemen ; Sanaa ; Sanaa|Sana'a|Aden ; Q805 ; Republic of Yemen ; Yemeni|Yemenis
ZMB ; Zambia ; Lusaka ; = ; Q953 ; Republic of Zambia ; Zambian|Zambians
ZWE ; Zimbabwe ; Harare ; = ; Q954 ; Republic of Zimbabwe ; Zimbabwean|Zimbabweans
HKG ; Hong Kong ; Hong Kong ; - ; Q8646 ; Hong Kong SAR|HKSAR|Hongkong ; Hong Konger|Hong Kongers|Hongkonger|Hongkongers
MAC ; Macau ; Macau ; - ; Q14773 ; Macao|Macau SAR|Macao SAR ; Macanese
TWN ; Taiwan ; Taipei ; = ; Q865 ; Republic of China|ROC|Chinese Taipei|Formosa ; Taiwanese
XKX ; Kosovo ; Pristina ; Pristina|Prishtina ; Q1246 ; Republic of Kosovo|Kosova ; Kosovar|Kosovars|Kosovan|Kosovans
ESH ; Western Sahara ; Laayoune ; - ; Q6250 ; Sahrawi Arab Democratic Republic|SADR ; Sahrawi|Sahrawis|Saharawi|Saharawis
"""

# ISO alpha-2 for rows ngec_countries.csv does not have.
EXTRA_ISO2 = {"DMA": "DM", "SSD": "SS", "MAC": "MO", "ESH": "EH"}

# Display names replacing ngec's (ngec name kept as alias unless dropped).
# The COUNTRIES table's name column is authoritative; this only documents
# where it differs: "Myanmar [Burma]", "Hong Kong SAR China",
# "Palestinian Territories", "Congo", "Cote d'Ivoire", "Sao Tome and Principe".

# ngec_countries.csv rows that are not countries (EU, UN) or are breakaway
# entities without an ISO code (GEOPRE, MDAPRE, UKRPRE, AZEPRE, SOMPRE, CYPPRE).
NGEC_SKIP = {"EUR", "UNO"}

# ngec nationality words not taken, per iso3 (reason in the README).
NGEC_DROP = {
    "AFG": {"Afghani"},  # the currency
    "COG": {"Congo", "Congolese"},  # ambiguous; Congolese -> COD
    "MAR": {"Western Sahara", "Sahrawi"},  # own row ESH
    "NER": {"Nigeran", "Nigerans"},  # wrong forms; Nigerien(s)
    "KNA": {"Kittian and Nevisian"},  # not a word form
    "CPV": {"Cape Verdian"},  # misspelling
    "MDV": {"Maldivan", "Maldivans"},  # misspelling
    "GBR": {"Falkland Islands (Malvinas)"},
    "USA": {"Virgin Islands (U.S.)"},
    "AUS": {"Cocos [Keeling] Islands", "Heard and McDonald Islander"},
    "NOR": {"Bouvet Islanders"},  # uninhabited
    "VAT": {"Vatican City"},
    "MMR": {"Myanmar"},
}

# ngec words that are place names (aliases) although they do not look like
# one to the simple rule in classify_ngec_word().
NGEC_ALIAS_WORDS = {
    "DPRK",
    "DRC",
    "DR Congo",
    "Zaire",
    "FYROM",
    "Macedonia",
    "Swaziland",
    "UK",
    "U.K.",
    "US",
    "U.S.",
    "England",
    "Scotland",
    "Wales",
    "Britain",
    "Great Britain",
    "Czech Republic",
    "Palestine",
    "East Timor",
    "Cabo Verde",
    "Cape Verde",
    "Ivory Coast",
    "Côte d’Ivoire",
    "Cote d’Ivoire",
    "Hong Kong",
    "Guam",
    "Puerto Rico",
    "Greenland",
    "Anguilla",
    "Bermuda",
    "Gibraltar",
    "Guernsey",
    "Isle of Man",
    "Montserrat",
    "Islas Malvinas",
    "Aruba",
    "Bonaire",
    "Sint Eustatius and Saba",
    "Curaçao",
    "Curacao",
    "Sint Maarten",
    "Niue",
    "Tokelau",
    "Svalbard",
    "Guadeloupe",
    "Martinique",
    "Mayotte",
    "Réunion",
    "Saint Barthélemy",
    "Saint Martin",
    "French Guiana",
    "French Polynesia",
    "New Caledonia",
    "Saint Pierre and Miquelon",
    "Wallis and Futuna",
    "Saint Helena",
    "American Samoa",
    "United States",
    "Republic of China",
    "São Tomé and Príncipe",
    "Saudi Arabia",
}

GEN_HEADER = (
    "# Generated by tools/build_actor_tables.py; do not edit by hand.\n"
    "# Sources and licences: tidings/data/README.md (section countries.tsv, igos.tsv, agents.tsv).\n"
)
MIT_LINE = (
    "# Contains material from the Phoenix/PETRARCH dictionaries, Copyright (c) 2014 "
    "Open Event Data Alliance, MIT licence (full text in README.md)."
)


def split_bar(s: str) -> list[str]:
    s = s.strip()
    if s in ("", "-"):
        return []
    return [x.strip() for x in s.split("|") if x.strip()]


def uniq(items):
    seen, out = set(), []
    for x in items:
        k = x.casefold()
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


_ALIAS_RE = re.compile(
    r"\b(Island|Islands|Isle|Republic|Kingdom|Territory|Territories|Saint|Sint|"
    r"of|and|Guiana|Polynesia|Caledonia|Samoa)\b"
)


def classify_ngec_word(w: str) -> str:
    """'alias' for a place name, 'adjective' for a demonym/adjective."""
    if w in NGEC_ALIAS_WORDS:
        return "alias"
    if re.search(r"Islanders?$", w):
        return "adjective"
    last = w.split()[-1]
    if re.search(r"((?<!st)ans?|ians?|ese|ers?|ic|ish|is?)$", last) and not _ALIAS_RE.search(last):
        return "adjective"
    if _ALIAS_RE.search(w):
        return "alias"
    return "adjective"


def build_countries(ref: Path) -> str:
    ngec = {}
    with open(ref / "ngec_countries.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            iso3 = row["CCA3"].strip()
            if iso3 in NGEC_SKIP or not re.fullmatch(r"[A-Z]{3}", iso3):
                continue
            ngec[iso3] = row
    rows = []
    seen = set()
    for line in COUNTRIES.strip().splitlines():
        parts = [p.strip() for p in line.split(" ; ")]
        if len(parts) != 7:
            raise SystemExit(f"bad COUNTRIES line: {line!r}")
        iso3, name, capital, metonyms, qid, aliases, adjectives = parts
        if iso3 in seen:
            raise SystemExit(f"duplicate iso3 {iso3}")
        seen.add(iso3)
        caps = split_bar(capital)
        mets = caps[:1] if metonyms == "=" else split_bar(metonyms)
        al = split_bar(aliases)
        adj = split_bar(adjectives)
        n = ngec.get(iso3)
        if n is not None:
            iso2 = n["CCA2"].strip()
            drop = NGEC_DROP.get(iso3, set())
            ngec_name = n["Name"].strip()
            if (
                ngec_name != name
                and ngec_name not in drop
                and "[" not in ngec_name
                and ngec_name not in ("Hong Kong SAR China", "Palestinian Territories")
            ):
                al.append(ngec_name)
            words = [w.strip() for w in n["Nationality"].split(",")]
            # ngec splits "Gibraltar, Gibraltarian" etc.; rejoin nothing, just filter
            for w in words:
                if not w or w in drop or w == name:
                    continue
                if classify_ngec_word(w) == "alias":
                    al.append(w)
                else:
                    adj.append(w)
        else:
            iso2 = EXTRA_ISO2[iso3]
        known = {name.casefold()}
        al = [a for a in uniq(al) if a.casefold() not in known]
        known |= {a.casefold() for a in al}
        adj = [a for a in uniq(adj) if a.casefold() not in known]
        rows.append(
            [
                iso3,
                iso2,
                name,
                "|".join(al),
                "|".join(adj),
                "|".join(caps),
                "|".join(uniq(mets)),
                "" if qid == "-" else qid,
            ]
        )
    missing = sorted(set(ngec) - seen)
    if missing:
        raise SystemExit(f"ngec countries without a row: {missing}")
    out = [
        GEN_HEADER.rstrip("\n"),
        "# Ambiguous names deliberately NOT listed: Congo (COD or COG), Korea/Korean (KOR or PRK),",
        "# Dominican for Dominica (kept for DOM only), Congolese for COG (kept for COD only),",
        "# Brussels (EU more often than BEL), Persian (Persian Gulf), bare States/Emirates. See README.",
        "iso3\tiso2\tname\taliases\tadjectives\tcapital\tmetonyms\twikidata",
    ]
    for r in rows:
        out.append("\t".join(r))
    return "\n".join(out) + "\n"


# ==========================================================================
# IGOs and non-state groups
# ==========================================================================
# code ; name ; aliases ; wikidata ; origin of the code
#   origin: "phx-intl" Phoenix.International.actors.txt, "phx-mns"
#   Phoenix.MilNonState.actors.txt, "phx-ctry" Phoenix.Countries.actors.txt,
#   "gsr" PETRARCH2 gold standard records, "new" assigned here (no Phoenix
#   entry; built from Phoenix's own region/sector parts). The origin is kept in
#   the generated file's comment block, not as a column.
IGOS = """
IGOUNO ; United Nations ; UN|U.N.|the United Nations|the UN|the U.N.|UNO ; Q1065 ; phx-intl
IGOUNO ; United Nations Security Council ; UN Security Council|U.N. Security Council|UNSC|Security Council ; Q37470 ; phx-intl
IGOUNO ; United Nations General Assembly ; UN General Assembly|U.N. General Assembly|UNGA ; Q47423 ; phx-intl
IGOUNO ; UN Secretary-General ; UN Secretary General|U.N. Secretary-General|U.N. Secretary General|Secretary-General of the United Nations|UN chief|U.N. chief ; - ; phx-intl
IGOUNO ; UN Office for the Coordination of Humanitarian Affairs ; OCHA|UN humanitarian office|U.N. humanitarian office|UN humanitarian agency ; Q1065854 ; phx-intl
IGOUNOMIL ; UN peacekeeping forces ; UN peacekeepers|U.N. peacekeepers|UN peacekeeping force|UN peacekeeping mission|blue helmets ; - ; gsr
IGOUNOMIL ; UNIFIL ; United Nations Interim Force in Lebanon|UN Interim Force in Lebanon ; Q160805 ; gsr
IGOUNOMIL ; MONUSCO ; United Nations Organization Stabilization Mission in the Democratic Republic of the Congo|MONUC ; - ; gsr
IGOUNOMIL ; UNMISS ; United Nations Mission in South Sudan|UN Mission in South Sudan ; - ; gsr
IGOUNOREFHCR ; UNHCR ; United Nations High Commissioner for Refugees|UN High Commissioner for Refugees|UN refugee agency|U.N. refugee agency|UN Refugee Agency ; Q132551 ; phx-intl
IGOUNOREF ; UNRWA ; United Nations Relief and Works Agency for Palestine Refugees in the Near East|UN Relief and Works Agency|UN agency for Palestinian refugees|U.N. agency for Palestinian refugees ; Q846656 ; new
IGOUNOKID ; UNICEF ; United Nations Children's Fund|UN Children's Fund|UN children's agency|U.N. children's agency ; Q740308 ; phx-intl
IGOUNOWFP ; World Food Programme ; WFP|World Food Program|UN World Food Programme|U.N. World Food Program|UN food agency ; Q204344 ; phx-intl
IGOUNOHLHWHO ; World Health Organization ; WHO|World Health Organisation|UN health agency|U.N. health agency ; Q7817 ; phx-intl
IGOUNOIAE ; International Atomic Energy Agency ; IAEA|UN nuclear watchdog|U.N. nuclear watchdog ; Q41984 ; phx-intl
IGOUNOJUDICJ ; International Court of Justice ; ICJ|World Court ; Q7801 ; phx-intl
IGOUNOHRIHCH ; Office of the UN High Commissioner for Human Rights ; OHCHR|UN High Commissioner for Human Rights|UN human rights office|U.N. human rights office|UN human rights chief|U.N. human rights chief ; Q656812 ; phx-intl
IGOUNOHRI ; UN Human Rights Council ; United Nations Human Rights Council|U.N. Human Rights Council|UNHRC ; Q205650 ; phx-intl
IGOUNOLABILO ; International Labour Organization ; ILO|International Labor Organization|International Labour Organisation ; Q54129 ; phx-intl
IGOUNOAGRFAO ; Food and Agriculture Organization ; FAO|UN Food and Agriculture Organization|Food and Agriculture Organisation ; Q82151 ; phx-intl
IGOUNODEV ; UNESCO ; United Nations Educational, Scientific and Cultural Organization|UN cultural agency ; Q7809 ; phx-intl
IGOUNODEV ; United Nations Development Programme ; UNDP|UN Development Programme|United Nations Development Program ; Q161718 ; phx-intl
IGOUNOENV ; Intergovernmental Panel on Climate Change ; IPCC|UN climate panel|U.N. climate panel ; - ; phx-intl
IGOUNODEVWBK ; World Bank ; World Bank Group|the World Bank ; Q7164 ; phx-intl
IGOBUSIMF ; International Monetary Fund ; IMF|the IMF ; Q7804 ; phx-intl
IGOBUSWTO ; World Trade Organization ; WTO|World Trade Organisation ; Q7825 ; phx-intl
IGOUNOAIE ; International Energy Agency ; IEA ; Q826700 ; phx-intl
IGOBUSBIS ; Bank for International Settlements ; BIS ; - ; phx-intl
IGOWSTNAT ; NATO ; North Atlantic Treaty Organization|North Atlantic Treaty Organisation|N.A.T.O.|Atlantic Alliance|the Atlantic alliance ; Q7184 ; phx-intl
IGOEUREEC ; European Union ; EU|E.U.|the European Union|the EU|European Community|the European Community|European Communities|European Economic Community|EEC ; Q458 ; phx-intl
IGOEUREEC ; European Commission ; EU Commission|EU executive|the Commission of the European Union ; Q8880 ; phx-intl
IGOEUREEC ; European Parliament ; EU Parliament|Europarliament ; Q8889 ; phx-intl
IGOEUREEC ; European Council ; EU summit|EU leaders' summit ; Q8886 ; phx-intl
IGOEUREEC ; Council of the European Union ; Council of the EU|EU Council|EU Council of Ministers ; Q8896 ; phx-intl
IGOEUREEC ; European Central Bank ; ECB ; Q8901 ; new
IGOEUREEC ; Court of Justice of the European Union ; CJEU|European Court of Justice|ECJ|EU Court of Justice|EU's top court ; Q4951 ; new
IGOEURCOE ; Council of Europe ; CoE ; Q8908 ; phx-intl
IGOEURCOE ; European Court of Human Rights ; ECHR|ECtHR|European human rights court|Strasbourg court ; Q122880 ; new
IGOEURSCE ; Organization for Security and Co-operation in Europe ; OSCE|Organization for Security and Cooperation in Europe|Organisation for Security and Co-operation in Europe|Organisation for Security and Cooperation in Europe ; Q81299 ; phx-intl
IGOAFRAFU ; African Union ; AU|A.U.|African Union Commission|AU Commission|AU Peace and Security Council ; Q7159 ; phx-intl
IGOMEAARL ; Arab League ; League of Arab States|the Arab League ; Q7172 ; phx-intl
IGOSEAASN ; ASEAN ; Association of Southeast Asian Nations|Association of South East Asian Nations ; Q7768 ; phx-intl
IGOOPC ; OPEC ; Organization of the Petroleum Exporting Countries|Organization of Petroleum Exporting Countries|OPEC+|OPEC Plus ; Q7795 ; phx-intl
IGOCAS ; Shanghai Cooperation Organisation ; SCO|Shanghai Cooperation Organization ; - ; phx-intl
IGOCASCIS ; Commonwealth of Independent States ; CIS ; - ; phx-intl
IGOCAS ; Collective Security Treaty Organization ; CSTO|Collective Security Treaty Organisation ; - ; new
IGOCWN ; Commonwealth of Nations ; the Commonwealth|Commonwealth Secretariat ; Q7785 ; phx-intl
IGOOAS ; Organization of American States ; OAS|Organisation of American States ; Q123759 ; phx-intl
IGOMOSOIC ; Organisation of Islamic Cooperation ; OIC|Organization of Islamic Cooperation|Organization of the Islamic Conference|Organisation of the Islamic Conference ; Q47543 ; phx-intl
IGOPGSGCC ; Gulf Cooperation Council ; GCC|Cooperation Council for the Arab States of the Gulf ; Q217172 ; phx-intl
IGOWAFWAS ; Economic Community of West African States ; ECOWAS ; Q193272 ; phx-intl
IGOSAFDEVSAD ; Southern African Development Community ; SADC ; - ; phx-intl
IGOEAFDEVIAD ; Intergovernmental Authority on Development ; IGAD ; - ; phx-intl
IGOEAFEAC ; East African Community ; EAC ; Q337456 ; phx-intl
IGOCAFECA ; Economic Community of Central African States ; ECCAS ; - ; phx-intl
IGOSASSAA ; South Asian Association for Regional Cooperation ; SAARC ; - ; phx-intl
IGOCRB ; Caribbean Community ; CARICOM|Caricom ; Q205995 ; phx-intl
IGOSAM ; Mercosur ; Mercosul|Southern Common Market ; - ; new
IGOWSTBUS ; Organisation for Economic Co-operation and Development ; OECD|Organization for Economic Cooperation and Development|Organisation for Economic Cooperation and Development ; Q41550 ; phx-intl
IGOGOS ; Group of Seven ; G7|G-7 ; - ; phx-intl
IGOGOE ; Group of Eight ; G8|G-8 ; - ; phx-intl
IGOBUS ; Group of Twenty ; G20|G-20 ; - ; new
IGOBUS ; BRICS ; BRICS group|BRICS bloc ; - ; new
IGOBUS ; Asia-Pacific Economic Cooperation ; APEC ; Q170481 ; new
IGONON ; Non-Aligned Movement ; Non-Aligned Movement countries ; Q83201 ; phx-intl
IGOJUDICC ; International Criminal Court ; ICC ; Q47488 ; phx-intl
IGOCOPITP ; Interpol ; INTERPOL|International Criminal Police Organization|International Criminal Police Organisation ; Q8475 ; phx-intl
IGOASADEVADB ; Asian Development Bank ; ADB ; - ; phx-intl
IGOAFRDEVAFB ; African Development Bank ; AfDB ; - ; phx-intl
IGOEURDEVEBR ; European Bank for Reconstruction and Development ; EBRD ; Q488981 ; phx-intl
IGOMOSDEVIDB ; Islamic Development Bank ; IsDB ; - ; phx-intl
NGOHLHIRC ; International Committee of the Red Cross ; ICRC|Red Cross|International Red Cross ; - ; phx-intl
NGOHLHIRC ; International Federation of Red Cross and Red Crescent Societies ; IFRC ; - ; phx-intl
NGOHLHIRC ; Red Crescent ; Red Crescent Society|Palestinian Red Crescent|Palestine Red Crescent Society|Turkish Red Crescent|Syrian Arab Red Crescent ; - ; phx-intl
NGOHRIAMN ; Amnesty International ; Amnesty ; Q42970 ; phx-intl
NGOHRI ; Human Rights Watch ; HRW ; - ; phx-intl
NGOHLHMSF ; Médecins Sans Frontières ; MSF|Doctors Without Borders|Medecins Sans Frontieres ; - ; phx-intl
NGOENV ; Greenpeace ; Greenpeace International ; - ; phx-intl
NGOXFM ; Oxfam ; Oxfam International ; - ; phx-intl
NGODEV ; Save the Children ; Save the Children International|Save the Children Fund ; - ; phx-intl
NGOHRIMED ; Committee to Protect Journalists ; CPJ ; - ; phx-intl
NGOHRIMED ; Reporters Without Borders ; Reporters sans frontières|Reporters Sans Frontieres ; - ; phx-intl
NGODEV ; Transparency International ; - ; - ; phx-intl
NGOCHRCTH ; Caritas ; Caritas Internationalis ; - ; phx-intl
PSEREBHMS ; Hamas ; Islamic Resistance Movement|Harakat al-Muqawama al-Islamiya|Qassam Brigades|al-Qassam Brigades|Izz ad-Din al-Qassam Brigades|Ezzedine al-Qassam Brigades ; Q38799 ; phx-mns
LBNREB ; Hezbollah ; Hizbollah|Hizbullah|Hezballah|Hizballah|Hizb Allah|Party of God ; - ; phx-mns
PSEREB ; Palestinian Islamic Jihad ; Islamic Jihad|PIJ|al-Quds Brigades|Al-Quds Brigades ; - ; new
MEAREB ; Popular Front for the Liberation of Palestine ; PFLP ; - ; phx-mns
MEAREB ; Al-Aqsa Martyrs' Brigades ; Al-Aqsa Martyrs Brigades|al-Aqsa Brigades ; - ; phx-mns
IMGMUSISI ; Islamic State ; ISIS|ISIL|Daesh|Daish|Islamic State group|Islamic State of Iraq and the Levant|Islamic State of Iraq and Syria|Islamic State of Iraq and al-Sham ; Q2429253 ; phx-ctry
IMGMUSISI ; Islamic State Khorasan Province ; ISIS-K|ISKP|IS-K|Islamic State Khorasan|ISIS-Khorasan ; - ; phx-ctry
IMGMUSISI ; Islamic State West Africa Province ; ISWAP|Islamic State West Africa ; - ; phx-ctry
IMGMUSALQ ; al-Qaeda ; al-Qaida|al Qaeda|al Qaida|Al-Qaeda|Al Qaeda|al-Qa'ida|al-Qa'idah ; Q34490 ; phx-mns
AFRREB ; al-Qaeda in the Islamic Maghreb ; AQIM|al-Qaida in the Islamic Maghreb ; - ; phx-mns
YEMREB ; al-Qaeda in the Arabian Peninsula ; AQAP|al-Qaida in the Arabian Peninsula ; - ; new
AFGREB ; Taliban ; the Taliban|Afghan Taliban ; - ; phx-mns
PAKREB ; Tehrik-i-Taliban Pakistan ; TTP|Pakistani Taliban|Tehreek-e-Taliban Pakistan|Tehrik-e-Taliban Pakistan ; - ; new
SOMREB ; al-Shabaab ; al-Shabab|Al-Shabaab|Al Shabaab|al Shabaab|Al-Shabab|Shabaab|Harakat al-Shabaab al-Mujahideen ; - ; phx-mns
NGAREB ; Boko Haram ; Jama'atu Ahlis Sunna Lidda'awati wal-Jihad ; - ; phx-mns
YEMREB ; Houthis ; Houthi|Houthi rebels|Houthi movement|Huthis|Huthi|Ansar Allah|Ansarallah ; - ; new
RUSUAF ; Wagner Group ; Wagner|Wagner mercenaries|Wagner mercenary group|PMC Wagner|Wagner PMC|Wagner private military company ; - ; new
TURREB ; PKK ; Kurdistan Workers' Party|Kurdistan Workers Party|Partiya Karkerên Kurdistanê ; Q152220 ; phx-mns
SYRREB ; Syrian Democratic Forces ; SDF ; - ; new
SYRREB ; People's Protection Units ; YPG ; Q277036 ; new
SYRREBMUS ; Hayat Tahrir al-Sham ; HTS|Hayat Tahrir al Sham|Hay'at Tahrir al-Sham|Tahrir al-Sham ; - ; new
SYRREBMUS ; Nusra Front ; Jabhat al-Nusra|al-Nusra Front|Jabhat Fateh al-Sham ; - ; phx-ctry
SYRREB ; Free Syrian Army ; FSA|Syrian National Army ; - ; phx-ctry
SYRREBMUS ; Ahrar al-Sham ; Ahrar al Sham ; - ; phx-ctry
COLREB ; FARC ; Revolutionary Armed Forces of Colombia|FARC-EP|Fuerzas Armadas Revolucionarias de Colombia ; - ; phx-mns
COLREB ; National Liberation Army of Colombia ; ELN|Ejército de Liberación Nacional|Ejercito de Liberacion Nacional ; - ; phx-mns
LKAREB ; Liberation Tigers of Tamil Eelam ; LTTE|Tamil Tigers ; - ; phx-mns
ESPREB ; ETA ; Euskadi Ta Askatasuna|Basque Fatherland and Liberty|Basque Homeland and Freedom ; - ; phx-mns
PHLREB ; New People's Army ; NPA ; - ; phx-mns
PHLREB ; Moro Islamic Liberation Front ; MILF ; - ; phx-mns
PHLREB ; Abu Sayyaf ; Abu Sayyaf Group|ASG ; - ; phx-mns
NAFREB ; Polisario Front ; Polisario|Frente Polisario ; - ; phx-mns
CFRREB ; Lord's Resistance Army ; LRA ; - ; phx-mns
LBRREB ; National Patriotic Front of Liberia ; NPFL ; - ; phx-mns
SASREB ; Lashkar-e-Taiba ; LeT|Lashkar-e-Toiba|Lashkar-e-Tayyiba|Lashkar-i-Taiba ; - ; phx-mns
SASREB ; Jaish-e-Mohammed ; JeM|Jaish-e-Mohammad|Jaish-e-Muhammad ; - ; phx-mns
SEAREB ; Jemaah Islamiyah ; Jemaah Islamiya ; - ; phx-mns
PERREB ; Shining Path ; Sendero Luminoso ; - ; phx-mns
CODREB ; M23 ; March 23 Movement|M23 rebels|Mouvement du 23 mars ; - ; new
SDNREB ; Rapid Support Forces ; Rapid Support Force ; - ; new
MLIREB ; Jama'at Nasr al-Islam wal-Muslimin ; JNIM|Group for the Support of Islam and Muslims ; - ; new
MEXPTY ; Institutional Revolutionary Party ; PRI|Partido Revolucionario Institucional ; - ; nat
MEXPTY ; National Action Party ; PAN|Partido Acción Nacional ; - ; nat
MEXPTY ; Party of the Democratic Revolution ; PRD ; - ; nat
MEXPTY ; Morena ; National Regeneration Movement|Morena party ; - ; nat
USAPTY ; Republican Party ; GOP|Republican National Committee ; - ; nat
USAPTY ; Democratic National Committee ; DNC ; - ; nat
GBRPTY ; Conservative Party ; Tory Party|Tories ; - ; nat
GBRPTY ; British Labour Party ; Labour Party ; - ; nat
GBRPTY ; Liberal Democrats ; Lib Dems ; - ; nat
GBRPTY ; Scottish National Party ; SNP ; - ; nat
GBRPTY ; Reform UK ; - ; - ; nat
DEUPTY ; Christian Democratic Union ; CDU|Christian Democrats ; - ; nat
DEUPTY ; Christian Social Union ; CSU ; - ; nat
DEUPTY ; Social Democratic Party of Germany ; SPD|Social Democrats ; - ; nat
DEUPTY ; Alternative for Germany ; AfD|Alternative für Deutschland ; - ; nat
DEUPTY ; Free Democratic Party ; FDP ; - ; nat
FRAPTY ; National Rally ; Rassemblement National ; - ; nat
FRAPTY ; France Unbowed ; La France Insoumise ; - ; nat
FRAPTY ; The Republicans of France ; Les Républicains ; - ; nat
ITAPTY ; Brothers of Italy ; Fratelli d'Italia ; - ; nat
ITAPTY ; Five Star Movement ; M5S ; - ; nat
ITAPTY ; Forza Italia ; - ; - ; nat
ITAPTY ; Northern League ; Lega Nord ; - ; nat
ESPPTY ; Spanish Socialist Workers' Party ; PSOE ; - ; nat
ESPPTY ; Podemos ; - ; - ; nat
RUSPTY ; United Russia ; - ; - ; nat
RUSPTY ; Communist Party of the Russian Federation ; KPRF ; - ; nat
RUSPTY ; Liberal Democratic Party of Russia ; LDPR ; - ; nat
CHNPTY ; Chinese Communist Party ; Communist Party of China|CCP|CPC ; - ; nat
PRKPTY ; Workers' Party of Korea ; - ; - ; nat
INDPTY ; Bharatiya Janata Party ; BJP ; - ; nat
INDPTY ; Indian National Congress ; Congress Party|Congress party ; - ; nat
INDPTY ; Aam Aadmi Party ; AAP ; - ; nat
PAKPTY ; Pakistan Tehreek-e-Insaf ; PTI|Tehreek-e-Insaf|Pakistan Tehrik-e-Insaf ; - ; nat
PAKPTY ; Pakistan Muslim League-Nawaz ; PML-N ; - ; nat
PAKPTY ; Pakistan Peoples Party ; PPP|Pakistan People's Party ; - ; nat
BGDPTY ; Awami League ; - ; - ; nat
BGDPTY ; Bangladesh Nationalist Party ; BNP ; - ; nat
ARGPTY ; Justicialist Party ; Peronist Party ; - ; nat
ZAFPTY ; African National Congress ; ANC ; - ; nat
ZAFPTY ; Economic Freedom Fighters ; EFF ; - ; nat
TURPTY ; Justice and Development Party ; AKP|AK Party ; - ; nat
TURPTY ; Republican People's Party ; CHP ; - ; nat
TURPTY ; Peoples' Democratic Party of Turkey ; HDP ; - ; nat
TURPTY ; Nationalist Movement Party ; MHP ; - ; nat
ISRPTY ; Likud ; - ; - ; nat
ISRPTY ; Yesh Atid ; - ; - ; nat
JPNPTY ; Liberal Democratic Party of Japan ; LDP ; - ; nat
JPNPTY ; Constitutional Democratic Party of Japan ; - ; - ; nat
JPNPTY ; Komeito ; - ; - ; nat
KORPTY ; Democratic Party of Korea ; - ; - ; nat
KORPTY ; People Power Party ; - ; - ; nat
HUNPTY ; Fidesz ; - ; - ; nat
HUNPTY ; Tisza Party ; - ; - ; nat
POLPTY ; Law and Justice ; PiS ; - ; nat
POLPTY ; Civic Platform ; Civic Coalition ; - ; nat
UKRPTY ; Servant of the People ; - ; - ; nat
VENPTY ; United Socialist Party of Venezuela ; PSUV ; - ; nat
MMRPTY ; National League for Democracy ; NLD ; - ; nat
MMRPTY ; Union Solidarity and Development Party ; USDP ; - ; nat
KENPTY ; Orange Democratic Movement ; ODM ; - ; nat
KENPTY ; Jubilee Party ; - ; - ; nat
UGAPTY ; National Resistance Movement ; NRM ; - ; nat
UGAPTY ; National Unity Platform ; NUP ; - ; nat
ZWEPTY ; ZANU-PF ; Zanu-PF ; - ; nat
ZWEPTY ; Movement for Democratic Change ; MDC ; - ; nat
NGAPTY ; All Progressives Congress ; - ; - ; nat
NGAPTY ; Peoples Democratic Party of Nigeria ; PDP ; - ; nat
TWNPTY ; Kuomintang ; KMT ; - ; nat
TWNPTY ; Democratic Progressive Party ; DPP ; - ; nat
SRBPTY ; Serbian Progressive Party ; SNS ; - ; nat
GEOPTY ; Georgian Dream ; - ; - ; nat
KHMPTY ; Cambodian People's Party ; CPP ; - ; nat
KHMPTY ; Cambodia National Rescue Party ; CNRP ; - ; nat
MYSPTY ; United Malays National Organisation ; UMNO ; - ; nat
AUSPTY ; Australian Labor Party ; - ; - ; nat
AUSPTY ; Liberal Party of Australia ; - ; - ; nat
CANPTY ; Liberal Party of Canada ; - ; - ; nat
CANPTY ; Conservative Party of Canada ; - ; - ; nat
IDNPTY ; Indonesian Democratic Party of Struggle ; PDI-P ; - ; nat
IDNPTY ; Golkar ; - ; - ; nat
IDNPTY ; Gerindra ; - ; - ; nat
NLDPTY ; Party for Freedom ; PVV ; - ; nat
SWEPTY ; Sweden Democrats ; - ; - ; nat
AUTPTY ; Freedom Party of Austria ; FPÖ|FPO ; - ; nat
LBNPTY ; Amal Movement ; - ; - ; nat
THAPTY ; Pheu Thai ; Pheu Thai Party ; - ; nat
RUSSPY ; Federal Security Service ; FSB ; - ; nat
RUSSPY ; GRU ; Main Intelligence Directorate ; - ; nat
RUSSPY ; Foreign Intelligence Service of Russia ; SVR ; - ; nat
RUSMIL ; Northern Fleet ; - ; - ; nat
RUSMIL ; Baltic Fleet ; - ; - ; nat
RUSMIL ; Black Sea Fleet ; - ; - ; nat
RUSCOP ; Rosgvardia ; National Guard of Russia ; - ; nat
USASPY ; Central Intelligence Agency ; CIA ; - ; nat
USASPY ; National Security Agency ; NSA ; - ; nat
USACOP ; Federal Bureau of Investigation ; FBI ; - ; nat
USACOP ; Drug Enforcement Administration ; DEA ; - ; nat
USAMIL ; Pentagon ; the Pentagon|US Department of Defense|U.S. Department of Defense|US Defense Department|U.S. Defense Department ; - ; nat
USAGOV ; State Department ; Department of State|US State Department|U.S. State Department ; - ; nat
GBRSPY ; Secret Intelligence Service ; MI6 ; - ; nat
GBRSPY ; MI5 ; Security Service of the United Kingdom ; - ; nat
GBRSPY ; GCHQ ; Government Communications Headquarters ; - ; nat
GBRGOV ; Department for International Development ; DfID|DFID ; - ; nat
GBRGOV ; Foreign Office ; Foreign, Commonwealth and Development Office|FCDO|Foreign and Commonwealth Office|FCO ; - ; nat
GBRGOV ; Home Office ; - ; - ; nat
GBRCOP ; Metropolitan Police ; Scotland Yard|Met Police ; - ; nat
ISRSPY ; Mossad ; - ; - ; nat
ISRSPY ; Shin Bet ; Shabak|Israel Security Agency ; - ; nat
ISRMIL ; Israel Defense Forces ; IDF|Israeli Defense Forces|Israel Defence Forces ; - ; nat
IRNMIL ; Islamic Revolutionary Guard Corps ; IRGC|Revolutionary Guards|Revolutionary Guard ; - ; nat
IRNMIL ; Quds Force ; - ; - ; nat
IRNMIL ; Basij ; - ; - ; nat
CHNSPY ; Ministry of State Security ; - ; - ; nat
INDSPY ; Research and Analysis Wing ; - ; - ; nat
INDCOP ; Central Bureau of Investigation ; CBI ; - ; nat
PAKSPY ; Inter-Services Intelligence ; ISI ; - ; nat
DEUMIL ; Bundeswehr ; - ; - ; nat
DEUSPY ; Federal Intelligence Service of Germany ; BND ; - ; nat
FRASPY ; DGSE ; Directorate-General for External Security ; - ; nat
ZAFMIL ; South African National Defence Force ; SANDF ; - ; nat
UKRSPY ; Security Service of Ukraine ; SBU ; - ; nat
UKRSPY ; Main Directorate of Intelligence of Ukraine ; HUR|GUR ; - ; nat
ESTLEG ; Riigikogu ; - ; - ; nat
POLLEG ; Sejm ; - ; - ; nat
UKRLEG ; Verkhovna Rada ; Rada ; - ; nat
INDLEG ; Lok Sabha ; - ; - ; nat
INDLEG ; Rajya Sabha ; - ; - ; nat
NORLEG ; Storting ; - ; - ; nat
SWELEG ; Riksdag ; - ; - ; nat
DNKLEG ; Folketing ; - ; - ; nat
IRNLEG ; Islamic Consultative Assembly ; Majlis of Iran ; - ; nat
USAEDU ; Harvard University ; Harvard ; - ; nat
USAEDU ; Massachusetts Institute of Technology ; - ; - ; nat
USAEDU ; Stanford University ; - ; - ; nat
USAEDU ; Yale University ; - ; - ; nat
GBREDU ; University of Oxford ; Oxford University ; - ; nat
GBREDU ; University of Cambridge ; Cambridge University ; - ; nat
RUSBUS ; Gazprom ; - ; - ; nat
RUSBUS ; Rosneft ; - ; - ; nat
SAUBUS ; Saudi Aramco ; Aramco ; - ; nat
CHNBUS ; Huawei ; - ; - ; nat
RWAREB ; Democratic Forces for the Liberation of Rwanda ; FDLR ; - ; nat
UGAREB ; Allied Democratic Forces ; ADF ; - ; nat
CODUAF ; CODECO ; Cooperative for the Development of Congo ; - ; nat
MEXCRM ; Los Zetas ; Zetas|Zetas Cartel ; - ; nat
MEXCRM ; Sinaloa Cartel ; - ; - ; nat
MEXCRM ; Jalisco New Generation Cartel ; CJNG ; - ; nat
MEXCRM ; Gulf Cartel ; - ; - ; nat
VENCRM ; Tren de Aragua ; - ; - ; nat
USAUAF ; Oath Keepers ; - ; - ; nat
USAUAF ; Proud Boys ; - ; - ; nat
CHNGOVMED ; Xinhua ; Xinhua News Agency ; - ; media
CHNGOVMED ; China Central Television ; - ; - ; media
RUSGOVMED ; TASS ; TASS news agency|ITAR-TASS ; - ; media
RUSGOVMED ; RIA Novosti ; RIA ; - ; media
PRKGOVMED ; Korean Central News Agency ; KCNA ; - ; media
IRNGOVMED ; Islamic Republic News Agency ; IRNA ; - ; media
IRNGOVMED ; Islamic Republic of Iran Broadcasting ; IRIB ; - ; media
IRNGOVMED ; Press TV ; PressTV ; - ; media
SYRGOVMED ; Syrian Arab News Agency ; SANA ; - ; media
SAUGOVMED ; Saudi Press Agency ; - ; - ; media
AREGOVMED ; Emirates News Agency ; WAM ; - ; media
QATGOVMED ; Qatar News Agency ; QNA ; - ; media
KWTGOVMED ; Kuwait News Agency ; KUNA ; - ; media
EGYGOVMED ; Middle East News Agency ; - ; - ; media
LBNGOVMED ; Lebanese National News Agency ; NNA ; - ; media
TURGOVMED ; Anadolu Agency ; Anadolu news agency ; - ; media
BLRGOVMED ; BelTA ; Belarusian Telegraph Agency ; - ; media
UKRGOVMED ; Ukrinform ; - ; - ; media
VNMGOVMED ; Vietnam News Agency ; VNA ; - ; media
SOMGOVMED ; Somali National News Agency ; SONNA ; - ; media
SOMPRM ; Ahlu Sunnah Wal Jama'a ; Ahlu Sunnah Wa-Jama|Ahlu Sunnah Waljama|Ahlu Sunna Waljama'a|Ahlu Sunna Wal Jamaa|ASWJ ; - ; nat
GEOPRE ; Abkhazia ; Republic of Abkhazia ; - ; pre
GEOPRE ; South Ossetia ; Republic of South Ossetia|South Ossetia-Alania|Tskhinvali region ; - ; pre
MDAPRE ; Transnistria ; Pridnestrovian Moldavian Republic|Pridnestrovie|Trans-Dniester|Transdniestria|Transdniester ; - ; pre
AZEPRE ; Nagorno-Karabakh ; Nagorno Karabakh|Republic of Artsakh|Artsakh|Nagorno-Karabakh Republic ; - ; pre
SOMPRE ; Somaliland ; Republic of Somaliland ; - ; pre
CYPPRE ; Northern Cyprus ; Turkish Republic of Northern Cyprus|TRNC|north Cyprus|Turkish Cypriot administration ; - ; pre
UKRPRE ; Donetsk People's Republic ; self-proclaimed Donetsk People's Republic ; - ; pre
UKRPRE ; Luhansk People's Republic ; Lugansk People's Republic|self-proclaimed Luhansk People's Republic ; - ; pre
USABUS ; Google ; Alphabet|Alphabet Inc. ; - ; co
USABUS ; Apple ; Apple Inc. ; - ; co
USABUS ; Microsoft ; - ; - ; co
USABUS ; Meta Platforms ; Facebook ; - ; co
USABUS ; LinkedIn ; - ; - ; co
USABUS ; Twitter ; - ; - ; co
USABUS ; Tesla ; Tesla Inc. ; - ; co
USABUS ; Boeing ; - ; - ; co
USABUS ; Lockheed Martin ; - ; - ; co
USABUS ; ExxonMobil ; Exxon Mobil|Exxon ; - ; co
USABUS ; Chevron ; - ; - ; co
USABUS ; Pfizer ; - ; - ; co
USABUS ; Moderna ; - ; - ; co
USABUS ; JPMorgan Chase ; JPMorgan|JP Morgan ; - ; co
USABUS ; Goldman Sachs ; - ; - ; co
USABUS ; Walmart ; - ; - ; co
USABUS ; Nvidia ; - ; - ; co
USABUS ; OpenAI ; - ; - ; co
CHNBUS ; Alibaba ; Alibaba Group ; - ; co
CHNBUS ; Tencent ; - ; - ; co
CHNBUS ; ByteDance ; - ; - ; co
CHNBUS ; ZTE ; - ; - ; co
KORBUS ; Samsung ; Samsung Electronics ; - ; co
KORBUS ; Hyundai ; Hyundai Motor ; - ; co
JPNBUS ; Toyota ; Toyota Motor ; - ; co
JPNBUS ; Sony ; - ; - ; co
DEUBUS ; Volkswagen ; - ; - ; co
DEUBUS ; Siemens ; - ; - ; co
GBRBUS ; BP ; - ; - ; co
GBRBUS ; HSBC ; - ; - ; co
RUSBUS ; Lukoil ; - ; - ; co
INDBUS ; Tata Group ; Tata Sons ; - ; co
INDBUS ; Reliance Industries ; - ; - ; co
INDBUS ; Adani Group ; - ; - ; co
BRABUS ; Petrobras ; - ; - ; co
MEXBUS ; Pemex ; Petroleos Mexicanos|Petróleos Mexicanos ; - ; co
VENBUS ; PDVSA ; Petroleos de Venezuela ; - ; co
TWNBUS ; TSMC ; Taiwan Semiconductor Manufacturing Company ; - ; co
TWNBUS ; Foxconn ; - ; - ; co
USABUS ; ConocoPhillips ; - ; - ; co
USABUS ; Amazon ; Amazon.com ; - ; co
FRABUS ; TotalEnergies ; - ; - ; co
GBRMED ; Reuters ; Reuters news agency|Thomson Reuters ; - ; press
USAMED ; Associated Press ; AP|The Associated Press ; - ; press
FRAMED ; Agence France-Presse ; AFP|Agence France Presse ; - ; press
GBRMED ; BBC ; British Broadcasting Corporation|BBC News ; - ; press
USAMED ; CNN ; Cable News Network ; - ; press
USAMED ; MSNBC ; - ; - ; press
USAMED ; Fox News ; Fox News Channel ; - ; press
USAMED ; The New York Times ; New York Times ; - ; press
USAMED ; The Washington Post ; Washington Post ; - ; press
USAMED ; The Wall Street Journal ; Wall Street Journal ; - ; press
QATMED ; Al Jazeera ; Al Jazeera English ; - ; press
DEUMED ; Deutsche Welle ; - ; - ; press
"""

IGO_ORIGIN_TEXT = {
    "phx-intl": "Phoenix.International.actors.txt",
    "phx-mns": "Phoenix.MilNonState.actors.txt",
    "phx-ctry": "Phoenix.Countries.actors.txt",
    "gsr": "PETRARCH2 gold standard (IGOUNOMIL)",
    "new": "assigned here, no Phoenix entry",
    "nat": "national parties, institutions and armed groups: country + CAMEO sector, assigned here",
    "pre": "partially recognised states and breakaway regions: the state that claims them + PLOVER PRE",
    "co": "large companies: the country of their headquarters + BUS, assigned here",
    "media": "state news agencies and broadcasters: country + GOV + MED, as state media in agents.tsv",
    "press": "independent news agencies, broadcasters and papers: the country of their headquarters + MED, assigned here",
}


# Armed groups that became their country's government: from that day they code as it.
GROUP_LATER = {
    "Taliban": "AFGGOV@2021-08-15",  # Kabul taken, the Islamic Emirate proclaimed
    "Hayat Tahrir al-Sham": "SYRGOV@2024-12-08",  # Damascus taken, Assad fled
    "Nagorno-Karabakh": "AZE@2024-01-01",  # the Republic of Artsakh dissolved; a region of Azerbaijan
}


def build_igos() -> str:
    rows = []
    by_origin: dict[str, list[str]] = {}
    names = set()
    for line in IGOS.strip().splitlines():
        parts = [p.strip() for p in line.split(" ; ")]
        if len(parts) != 5:
            raise SystemExit(f"bad IGOS line: {line!r}")
        code, name, aliases, qid, origin = parts
        if origin not in IGO_ORIGIN_TEXT:
            raise SystemExit(f"bad origin in {line!r}")
        if name in names:
            raise SystemExit(f"duplicate IGO name {name}")
        names.add(name)
        by_origin.setdefault(origin, []).append(f"{name}={code}")
        rows.append([code, name, "|".join(split_bar(aliases)), "" if qid == "-" else qid, GROUP_LATER.get(name, "")])
    out = [
        GEN_HEADER.rstrip("\n"),
        MIT_LINE,
        "# Codes are the Phoenix/CAMEO codes of the petrarch2 dictionaries, except:",
    ]
    for origin in ("gsr", "new"):
        words = (IGO_ORIGIN_TEXT[origin] + ": " + ", ".join(by_origin.get(origin, []))).split(" ")
        line = "#   "
        for w in words:
            if len(line) + len(w) > 100:
                out.append(line.rstrip())
                line = "#     "
            line += w + " "
        out.append(line.rstrip())
    out.append("# later: the code a group takes from a day on (CODE@YYYY-MM-DD), when it became the government.")
    out.append("code\tname\taliases\twikidata\tlater")
    for r in rows:
        out.append("\t".join(r))
    return "\n".join(out) + "\n"


# ==========================================================================
# Agents
# ==========================================================================
RELIGIONS = {"MUS", "CHR", "JEW", "BUD", "HIN", "CTH", "PRO", "MAR", "SIK", "SHI", "SUN", "ORT"}

# Stems in the Phoenix file (a word cut short to match several endings).
STEMS = {"minist": ["minister", "ministry"], "compan": ["company"], "industr": ["industry"], "authorit": ["authority"]}

# Portfolios kept for "<X> minister", "minister of/for <X>", "<X> ministry"...
PORTFOLIOS = {
    "defence",
    "defense",
    "national defence",
    "national defense",
    "foreign",
    "foreign affairs",
    "external affairs",
    "external relations",
    "interior",
    "the interior",
    "home",
    "home affairs",
    "internal affairs",
    "justice",
    "law",
    "finance",
    "economy",
    "economic",
    "economic affairs",
    "health",
    "public health",
    "education",
    "higher education",
    "agriculture",
    "labor",
    "labour",
    "energy",
    "oil",
    "petroleum",
    "mines",
    "trade",
    "commerce",
    "industry",
    "information",
    "environment",
    "the environment",
    "transport",
    "communications",
    "security",
    "national security",
    "state",
    "tourism",
    "water",
    "water resources",
    "religious affairs",
    "social welfare",
    "welfare",
    "women",
    "sports",
    "planning",
    "public works",
    "housing",
    "science",
    "treasury",
    "the treasury",
    "natural resources",
    "fisheries",
    "immigration",
    "unification",
    "civil defense",
    "disaster management",
    "european affairs",
    "foreign relations",
    "telecommunications",
    "food",
}

# Phrases dropped from the Phoenix/PLOVER lists: archaic or WordNet words, words
# that are mostly not actors in modern news, adjectives, fragments, misspellings.
DROP = set(
    """prison

cutpurse|gaolbird|jailbird|jail bird|larcener|larcenist|malefactor|miscreant|rumrunner|
safebreaker|safecracker|sea rover|sea robber|sneak thief|sneak thieves|snitcher|branokker|
brigand|granger|sodbuster|cropper|cultivator|mills association|husbandman|husbandmen|
husbandwoman|husbandwomen|husbandperson|lawgiver|promulgator|pleader|conveyancer|stipendiary|
stipendiary magistrate|judicatory|judicature|consistory|chancery|court of chancery|recreant|
crusader|monger|oiler|medico|doc|nanny|nursemaid|tinginist|kanidurgu|sanatarium|sanitarium|
sanatorium|battlewagon|phalanx|echelon|privateer|soldiery|weekend warrior|hebrew|jewish|
islamic|hardline islamic|naval|retired|semi-official|military led|governance|polity|kingdom|
sovereign|potentate|public sector|the pm|chamber|assemblage|assemblies|representatives|
delegate|producer|carrier|bomber|telecom|telecom firm|telecom consultant|publication|actor|
village|small town|settlement|neighborhood|neighbourhood|community|native|naturalized|
non-native|non-resident|constituent|tourer|excursionist|victims|business|boss|manafacture|
enterpreneur|traffiker|prime minster|palace offcial|high ranking offical|
deparment of environment|privitization commission|brigaider|gendermarie|lieutentant (jg)|
opthamologist|healthcare facilitiy|self-dfense force|self-defense milita|airway|aerospace|
cabinetmaker|waiter|waitress|advocate|counsellor|counselor|counsellor-at-law|intelligence|
intelligence information|intelligence activity|intelligence operation|armed force|revolt|
uprising|insurgence|low level insurgency|rebellion|rebel base|pillager|plunderer|raider|
reactionaries|top left leader|top right leader|army for the liberation|
front for the liberation|popular movement for the liberation|observers in|religion|mendicant|
company union|mortar position|fighting position|military presence|chief's office|c in cof|
c in c of|kfir|security check|central jail of|prison house|police district|a cabinet meeting|
ministers and mps|students and professor|students and teacher|
soldiers, along with their families|soldiers and their families|soldiers with their families|
ethnic minority races|control forces|remotely piloted drones|owners of private companies|
leading news|communications org|cyberdissidents|national traitor|unspecified opposition|
the court|mps of the ruling party|representative's council|military machine|strategic service|
defense service|defense services|home reserve|guard command|military group|tactical unit|
military clique|illicit drug industry|drug trafficking terrorist|gangdom|gangland|
child predator|rapist murderer|holdup man|stickup man|holdup men|stickup men|holdupman|
spree killer|serial murderer|carjacker|shoplifter|pickpocket|pilferer|house physician|
internist|podiatrist|urologist|gastroenterologist|anaesthesiologist|anesthetist|
nurse anesthetist|orthopedist|orthopedic surgeon|operating surgeon|foster-nurse|graduate nurse|
trained nurse|medical building|mental institution|infirmary|kindergarden|kindergartner|
schoolhouse|conservatory|educatee|collegian|high schooler|middle schooler|tree hugger|
eco warrior|atomic energy committee|jute and textiles minister|jute and textiles ministry|
textiles minister|textiles ministry|blog|internet site|web site|gazette|pulp magazine|
leading bank|credit union|savings and loan|securities exchange|jumbojet|jumbo jet|
furniture maker|electronics maker|computer maker|steel tycoon|general contractor|
holding company|tourism office|tourism industry|merchandiser|bargainer|game warden|
fire company|fire warden|fire marshal|metereological department|meteorological department|
postal department|patent office|tourist board|throne council|praesidium|presidium|secretariate|
royal advisory|regional representative|provincal office|diplomatic building|
foreign diplomatic building|space agency|regulatory body|legate|sovereign|paramount ruler|
official source|transport authority|electricity authority|port authority|livestock authority|
constitutional monarcy|geologic survey and its mineral exploration department|
general for law and order|state council for law and order|
state council secretary general for law and order|landholder|adoption group|chief engineer|
colonist|repatriate|constituent|neighborhood|neighbourhood|unitarian|archimandrite|archpriest|
hierarch|high priest|cantor|hasid|hasidim|consul general office|office of the consul general|
office of the high commission|office of the unrepresentative|advisory board|
administrative unit|administrative body|government employer|government run firm|
government organization|ambassador at|ambassador for|ambassador to|embassy in|
diplomatic building in|a-37b dragonfly|f/a-18e/f super hornet|f/a-22 fighter|f/a-22 raptor|
f-22a raptor|f-7mg|mig-21pfm|mi-24vm/hind|rf 4c|su-24|su-30mk|sukhoi pak fa|p-3a orion|
p-8a poseidon|mq-9 reaper|ah-64d apache|ch-47f chinook|v-22 osprey|f/a-18|f/a-18 fighter|
f/a-18 fighter jet|f 16|f 16 jet|1st lt.|lt. jg|lieutenant jg|lieutenant junior grade|
light colonel|c in c|ens.|ensign|sublieutenant|nighthawk stealth fighter|tomcat fighter|
fighting falcon|super hornet|harrier jet|eurofighter typhoon|joint strike fighter|mirage-2000|
predator uav|unmanned predator|remotely piloted aircraft|pilotless plane|unmanned aerial drone|
submersible warship|torpedo boat|war vessel|capital ship|battle tank|heavy machine gun|
artillery|artillery system|antiaircraft missile|antiship missile|tomahawk cruise missile|
tomahawk missile|scud missile|cruise missile|combat trainer|landing ship|guard ship|
attack craft|hmmwv|weapons storage facility|fuerzas especiales|lieutenant (jg)|f-16 jet|
f-22 raptor|apache attack helicopter|apache gunship|ah-64 apache|cargo vessel|container vessel|
containership|merchant vessel|supertanker|shore patrol|military support personnel|
military reserve|army reserve|army staff|national army detachment|national army task force|
army medical squad|military operations control command|
office of the air force commander in chief|commander in chief of the air force|
commander in chief of the army|commander in chief of the navy|air force commander in chief|
army vice chief of staff|army general chief of staff|marine corps gunnery sergeant|
master sergeant|flag officer|generalissimo|aide de camp|combat planes|armed patrols|
coast guard patrols|special battalion|special operations|military led|minister of foreign|
ministry of foreign|minister for foreign|ministry for foreign|minister of civil|
ministry of civil|minister for civil|ministry for civil|secretary of civil|ministry of state|
ministry for state|ministry delegation
""".replace("\n", "|").split("|")
) - {""}

# Phoenix GOV/LEG/MIL entries tied to one country's institutions or not actors.
DROP |= set(
    """bank control department|border trade department|department of bank control|
department of border trade|department for protocol|department of protocol|protocol department|
civil aviation department|civil aviation director general|civil aviation officer|civil aviation staff|
department of civil aviation|director general of civil aviation|central committee for drug abuse control|
committee for drug abuse control|local drug controlling authorities|national board of revenue|
department of revenue|dept of agriculture|dept of tourism|dept of transportation|
national nutritional council|national investment committee|national health committee|
national education committee|national development council|state development council|development council|
privatization commission|people's bank|peoples bank|telecommunication board|nuclear energy committee|
science congress|power secretary|state-owned industrial unit|state-owned insurance enterprise|
royal coalition government|neutral caretaker government|executive department|committee of state|
assembly of the union|council of the union|federal legislative council|federal executive council|
assembly federale|delegation of the senate|conservative coalition|right-wing coalition|
left-wing coalition|majority party|information committee|communications bureau|
chief of election commission|election commission member|election complaints commission|
tourism department|department of tourism|mines official|public relations officer|tactical vehicle|
war machine|humvee|military rule|student army|state-owned|minister general secretariat of the presidency|
ministry general secretariat of the presidency|government troops and police|state general hospital|
government employer|investment commission|foreign investment commission|special commission|
state commission|secretary of security council|national security office|representative in parliament|high-ranking offical|
mp of the opposition|opposition parliament|ethnic minority party|party's military wing|
muslim doctor|muslim hospital|muslim migrant|moslem settler|islamist missionary|
christian monastery|catholic monastery|buddhist monastery|hindu monastery|catholic saint|
buddhist warrior|buddhist student|hindu clergy|hindu clergyman|hindu clergymen|hindu clergywoman|
hindu clergywomen|buddhist clergyman|buddhist clergymen|buddhist clergywoman|buddhist clergywomen|
christian clergyman|christian clergymen|christian clergywoman|christian clergywomen|
medical man|medical men|medical woman|medical women|medical person|holy woman|holy women|holy person|
religious person|leading religious authority|cattlewoman|cattlewomen|dairywoman|dairywomen|
herdswoman|herdswomen|indigenous refugee|refugee returnee|displaced resident|
law enforcement authority|law enforcement agent|local law enforcement|central jail authority|
counter-drug expert|armed professional|infiltration unit|violent group|murderous extremist|
gun for hire|gunslinger|unidentified forces|officer in command|officers in command|air unit|
naval unit|army unit|land force|combat trainer|battle group|combat ship|drone aircraft|unmanned drone|
fighter plane|combat jet|combat helicopter|jetfighter|jet fighter|reaper drone|predator drone|
""".replace("\n", "").split("|")
) - {""}

# Irregular-plural rows that duplicate a kept row's plural are fine; these
# plural-only Phoenix entries are rewritten to a singular phrase instead.
SINGULAR = {
    "taxpayers": "taxpayer",
    "jihadists": "jihadist",
    "generals": "general",
    "opposition mps": "opposition mp",
    "opposition parties": "opposition party",
    "outlawed parties": "outlawed party",
    "political parties": "political party",
    "civil courts": "civil court",
    "elected bodies": "elected body",
    "ethnic separatists": "ethnic separatist",
    "fundamentalist muslims": "fundamentalist muslim",
    "radical islamists": "radical islamist",
    "law enforcement agents": "law enforcement agent",
    "provincial officials": "provincial official",
    "rebel armies": "rebel army",
    "military authorities": "military authority",
    "junta troops": "junta troop",
    "attack helicopters": "attack helicopter",
    "fighter bombers": "fighter bomber",
    "ethnic minority parties": "ethnic minority party",
    "youths": "youth",
    "idps": "idp",
    "internally displaced persons": "internally displaced person",
    "residents of the capital": "resident of the capital",
    "ethnic minorities": "ethnic minority",
    "elders": "elder",
    "minister of state": "minister of state",
    "ministers of state": "minister of state",
}

# sector, sector2, note  (sector2 "" for none).  Applied after conversion.
OVERRIDES = {
    "security force": ("COP", "MIL", "Phoenix lists SECURITY_FORCE as both ~COP and ~MIL; COP first"),
    "detainee": (
        "CVL",
        "",
        "Phoenix ~OPP; most detainees in news are not political opposition (see political detainee)",
    ),
    "prisoner": ("CVL", "", "PLOVER ~CRM; CVL unless political (see political prisoner)"),
    "spokesman": ("GOV", "", "Phoenix SPOKES!PERSON! ~MED; the organisation named with it overrides"),
    "spokeswoman": ("GOV", "", "Phoenix ~MED; see spokesman"),
    "spokesperson": ("GOV", "", "Phoenix ~MED; see spokesman"),
    "spokesmen": ("GOV", "", "plural of spokesman; Phoenix ~MED"),
    "spokeswomen": ("GOV", "", "plural of spokeswoman; Phoenix ~MED"),
    "junta": (
        "GOV",
        "MIL",
        "Phoenix JUNTA ~GOV, MILITARY_JUNTA ~GOVMIL: a ruling junta is the government, MIL as second",
    ),
    "ruling junta": ("GOV", "MIL", "as junta"),
    "deputy": (
        "LEG",
        "",
        "Phoenix ~COP (US sheriff's deputy); in international news a deputy is a member of parliament",
    ),
    "rights group": ("NGO", "HRI", "Phoenix ~HRI"),
    "human rights group": ("NGO", "HRI", "Phoenix ~HRI"),
    "human rights society": ("NGO", "HRI", "Phoenix ~HRI"),
    "media rights group": ("NGO", "HRI", "Phoenix ~HRI"),
    "center for human rights": ("NGO", "HRI", "Phoenix ~HRI"),
    "centre for human rights": ("NGO", "HRI", "Phoenix ~HRI"),
    "rights activist": ("OPP", "HRI", "Phoenix ~HRI; human rights activist is ~OPP there"),
    "human rights activist": ("OPP", "HRI", "Phoenix ~OPP"),
    "human rights leader": ("OPP", "HRI", "Phoenix ~HRI"),
    "migrant": ("REF", "", "Phoenix ~CVL"),
    "illegal immigrant": ("REF", "", "Phoenix ~CRM"),
    "illegal migrant": ("REF", "", "Phoenix ~CRM"),
    "expatriate": ("CVL", "", "Phoenix ~REF; expatriates are not refugees"),
    "looter": ("CRM", "", "Phoenix ~REB"),
    "assailant": ("UAF", "", "Phoenix lists ASSAILANT as ~CRM and ~UAF"),
    "unidentified gunman": ("UAF", "", "Phoenix ~REB; gunman is ~UAF"),
    "unidentified gunmen": ("UAF", "", "Phoenix ~REB; gunmen is ~UAF"),
    "attorney-general": ("GOV", "JUD", "Phoenix ATTORNEY-GENERAL ~JUD but ATTORNEY_GENERAL ~GOV"),
    "attorney general": ("GOV", "JUD", "Phoenix ~GOV"),
    "environmental protection agency": ("GOV", "ENV", "Phoenix ~ENV; a government agency"),
    "green party": ("PTY", "ENV", "Phoenix ~ENV"),
    "civil society": ("NGO", "", "Phoenix lists ~CVL and ~NGO"),
    "militant": ("UAF", "", "Phoenix ~UAF (listed twice)"),
    "muslim militant": ("UAF", "MUS", "Phoenix ~MUSUAF and ~UAFMUS"),
    "islamic extremist": ("RAD", "MUS", "no code in Phoenix; as islamic extremist group ~MUSRAD"),
    "people": ("CVL", "", "Phoenix ~PPL (generic people)"),
    "persons": ("CVL", "", "Phoenix ~PPL"),
    "man": ("CVL", "", "Phoenix ~PPL"),
    "men": ("CVL", "", "plural of man; Phoenix ~PPL"),
    "national security force": ("MIL", "", "Phoenix note: for the Afghan National Security Forces"),
    "paramilitary": ("PRM", "", "Phoenix ~MIL; PLOVER ~PRM (CAMEO has no paramilitary code)"),
    "paramilitary force": ("PRM", "", "Phoenix ~MIL; PLOVER ~PRM"),
    "paramilitary organisation": ("PRM", "", "Phoenix ~MIL; PLOVER ~PRM"),
    "paramilitary organization": ("PRM", "", "Phoenix ~MIL; PLOVER ~PRM"),
    "paramilitary unit": ("PRM", "", "Phoenix ~MIL; PLOVER ~PRM"),
    "paramilitary police": ("PRM", "COP", "Phoenix ~MILGOV; PLOVER ~PRM"),
}

# Rows added by hand: phrase, sector, sector2, note.
ADDED = [
    ("paramilitary group", "PRM", "", "added; as PLOVER PARAMILITARY_ORGANIZATION ~PRM"),
    ("paramilitary militia", "PRM", "", "added; as PLOVER ~PRM"),
    ("self-defense force", "PRM", "", "added; PLOVER SELF-DEFENSE_FORCE ~PRM"),
    ("self defense force", "PRM", "", "added; spelling of self-defense force"),
    ("self-defence force", "PRM", "", "added; PLOVER ~PRM"),
    ("self defence force", "PRM", "", "added; spelling of self-defence force"),
    ("self-defense militia", "PRM", "", "added; PLOVER ~PRM"),
    ("self-defense group", "PRM", "", "added; as self-defense force"),
    ("breakaway state", "PRE", "", "added; as PLOVER BREAKAWAY_REGION ~PRE"),
    ("breakaway republic", "PRE", "", "added; as PLOVER ~PRE"),
    ("breakaway province", "PRE", "", "added; as PLOVER ~PRE"),
    ("partially recognized country", "PRE", "", "added; as PLOVER PARTIALLY_RECOGNIZED_STATE ~PRE"),
    ("partially recognised country", "PRE", "", "added; British spelling"),
    ("partially recognised state", "PRE", "", "added; British spelling"),
    ("unrecognised state", "PRE", "", "added; British spelling"),
    ("self-declared republic", "PRE", "", "added; as PLOVER SELF-PROCLAIMED_STATE ~PRE"),
    ("self-proclaimed republic", "PRE", "", "added; as PLOVER ~PRE"),
    ("de facto state", "PRE", "", "added; as PLOVER QUASI-STATE ~PRE"),
    ("secret service", "SPY", "", "added; a state's intelligence service"),
    ("expert", "EDU", "", "added; experts quoted in news are mostly academics and researchers (as academic, scholar)"),
    ("congressional delegation", "LEG", "", "added; members of a congress"),
    ("congressional group", "LEG", "", "added; members of a congress"),
    ("congressional committee", "LEG", "", "added; a committee of a congress"),
    ("congressional leader", "LEG", "", "added"),
    ("jewish community", "REL", "JEW", "added; a religious community, as Phoenix codes its clergy and members"),
    ("muslim community", "REL", "MUS", "added; as jewish community"),
    ("christian community", "REL", "CHR", "added; as jewish community"),
    ("hindu community", "REL", "HIN", "added; as jewish community"),
    ("buddhist community", "REL", "BUD", "added; as jewish community"),
    ("official", "GOV", "", "added; generic, a longer phrase (police official) wins"),
    ("counterpart", "GOV", "", "added; 'his Belarusian counterpart' is a head of state or minister"),
    ("party", "PTY", "", "added; political party (PLOVER PTY)"),
    ("ruling party", "PTY", "GOV", "added"),
    ("political party", "PTY", "", "added"),
    ("opposition party", "PTY", "OPP", "added"),
    ("national", "CVL", "", "added; '33 Russian nationals' are citizens of the country"),
    ("agitator", "OPP", "", "added; as Phoenix ~OPP for activists"),
    (
        "secretary-general",
        "GOV",
        "",
        "added; head of an organisation (UN, NATO, a party): code with the organisation; stops general -> MIL",
    ),
    ("secretary general", "GOV", "", "added; as secretary-general"),
    ("authorities", "GOV", "", "plural of authority; PLOVER AUTHORITIES, listed as the usual form"),
    ("leader", "GOV", "", "added; generic, opposition leader/rebel leader win when present"),
    ("opposition", "OPP", "", "added"),
    ("general", "MIL", "", "added; Phoenix GEN./GENERALS; match as a noun, not in general election"),
    ("troops", "MIL", "", "added; plural form as usually written (troop is the Phoenix entry)"),
    ("firm", "BUS", "", "added"),
    ("carrier", "BUS", "", "added; an airline ('the Emirati carrier')"),
    ("church", "REL", "CHR", "added"),
    ("mosque", "REL", "MUS", "added"),
    ("labour union", "LAB", "", "added"),
    ("dockworkers' union", "LAB", "", "added"),
    ("dockworker", "LAB", "", "added"),
    ("striker", "LAB", "", "added; striking worker (not a football striker)"),
    ("charity", "NGO", "", "added"),
    ("aid agency", "NGO", "", "added"),
    ("aid worker", "NGO", "", "added"),
    ("aid organization", "NGO", "", "added"),
    ("humanitarian group", "NGO", "", "added"),
    ("humanitarian organization", "NGO", "", "added"),
    ("non-governmental organisation", "NGO", "", "added spelling"),
    ("intelligence agency", "SPY", "", "added"),
    ("intelligence official", "SPY", "", "added"),
    ("drug cartel", "CRM", "", "added"),
    ("criminal gang", "CRM", "", "added"),
    ("crowd", "CVL", "", "added"),
    ("hostage", "CVL", "", "added"),
    ("state television", "GOV", "MED", "added; as Phoenix STATE-OWNED_TELEVISION ~GOVMED"),
    ("state tv", "GOV", "MED", "added; as state television"),
    ("state broadcaster", "GOV", "MED", "added; as state television"),
    ("state-run media", "GOV", "MED", "added; as STATE_RUN_MEDIA"),
    ("state news agency", "GOV", "MED", "added; Phoenix STATE_NEWS_AGENCY"),
    ("peacekeeper", "IGO", "", "added; Phoenix PEACEKEEPING_TROOPS IGO~; national peacekeepers need country context"),
    ("drone", "MIL", "", "added"),
    ("warplane", "MIL", "", "Phoenix"),
    ("fighter jet", "MIL", "", "Phoenix"),
    ("filmmaker", "MED", "", "Phoenix FILMAKER (spelling fixed)"),
    ("regime", "GOV", "", "Phoenix"),
    ("authority", "GOV", "", "Phoenix"),
    ("militiaman", "UAF", "", "Phoenix"),
    ("protest movement", "OPP", "", "added"),
    ("anti-war protester", "OPP", "", "PLOVER ~CVLOPP"),
    ("protesting farmer", "OPP", "AGR", "PLOVER ~CVLOPPAGR"),
    ("shadow minister", "OPP", "PTY", "PLOVER ~PTYOPP"),
    ("leader of the opposition", "OPP", "PTY", "PLOVER ~PTYOPP"),
    ("federal government", "GOV", "", "PLOVER"),
    ("statesman", "GOV", "", "PLOVER"),
    ("negotiator", "GOV", "", "added; talks are held by governments' delegations"),
    ("agricultural worker", "AGR", "", "added; as PLOVER FARM_WORKER"),
    ("farmworker", "AGR", "", "added; as PLOVER FARM_WORKER"),
    ("immigration officer", "COP", "", "added; border and immigration enforcement"),
    ("immigration inspector", "COP", "", "added; border and immigration enforcement"),
    ("relative", "CVL", "", "added; family members of people in the news"),
    ("sister", "CVL", "", "added; as Phoenix MOTHER, a relative of a person in the news"),
    ("brother", "CVL", "", "added; as Phoenix MOTHER"),
    ("wife", "CVL", "", "added; as Phoenix MOTHER (PLOVER codes a president's wife ELI)"),
    ("husband", "CVL", "", "added; as Phoenix MOTHER"),
    ("daughter", "CVL", "", "added; as Phoenix MOTHER"),
    ("widow", "CVL", "", "added; as Phoenix MOTHER"),
    ("officer", "COP", "", "added; bare 'officers' in news are police officers (a qualifier wins: army officers)"),
    ("presidential guard", "MIL", "", "added; a head of state's guard unit (as Phoenix REPUBLICAN_GUARD)"),
    ("parent", "CVL", "", "added"),
    ("netizen", "CVL", "", "added; internet users"),
    ("syndicate", "CRM", "", "added; crime syndicate"),
    ("indigenous", "CVL", "", "added; as PLOVER INDIGENOUS_PEOPLE (an indigenous leader)"),
    ("pope", "REL", "", "added; title before a name"),
    ("hopeful", "PTY", "", "added; a candidate (as PLOVER PRESIDENTIAL_HOPEFUL)"),
    ("delegation", "GOV", "", "added; as negotiator"),
    ("delegate", "GOV", "", "added; as negotiator"),
    ("murderer", "CRM", "", "PLOVER"),
    ("cyber criminal", "CRM", "", "PLOVER"),
    ("criminal organization", "CRM", "", "PLOVER"),
    ("hacker", "CRM", "", "added"),
    ("cyber police", "COP", "", "PLOVER"),
    ("police station", "COP", "", "PLOVER"),
    ("idp", "REF", "", "PLOVER IDPS; internally displaced person"),
    ("internally displaced person", "REF", "", "PLOVER"),
    ("displaced person", "REF", "", "Phoenix"),
    ("mujahideen", "REB", "MUS", "PLOVER ~REBREL"),
    ("shia", "REL", "MUS", "PLOVER ~REL"),
    ("shiite", "REL", "MUS", "PLOVER ~REL"),
    ("sunni", "REL", "MUS", "Phoenix ~MUS"),
    ("intelligence director", "SPY", "", "PLOVER"),
    ("director of central intelligence", "SPY", "", "PLOVER"),
    ("paramedic", "HLH", "", "PLOVER ~MED (medical)"),
    ("former minister", "ELI", "", "PLOVER"),
    ("former ruler", "ELI", "", "PLOVER"),
    ("retired general", "ELI", "", "PLOVER"),
    ("political scientist", "EDU", "", "PLOVER"),
    ("community leader", "CVL", "", "PLOVER"),
    ("youth", "CVL", "", "PLOVER YOUTHS"),
    ("federal parliament", "LEG", "", "PLOVER"),
    ("bundestag", "LEG", "", "PLOVER"),
    ("bundesrat", "LEG", "", "PLOVER"),
    ("duma", "LEG", "", "PLOVER"),
    ("house of lords", "LEG", "", "PLOVER"),
    ("national congress", "LEG", "", "PLOVER"),
    ("congress of deputies", "LEG", "", "PLOVER"),
    ("parliamentary assembly", "LEG", "", "PLOVER"),
    ("president of parliament", "LEG", "", "PLOVER"),
    ("sen.", "LEG", "", "PLOVER; title before a name"),
    ("rep.", "LEG", "", "PLOVER; title before a name"),
    ("lawmakers", "LEG", "", "added; plural form as usually written"),
    ("mep", "LEG", "", "added; member of the European Parliament (code with IGOEUREEC)"),
    ("member of the european parliament", "LEG", "", "added; code with IGOEUREEC"),
    ("commissioner", "GOV", "", "added; an official heading a commission or service (a revenue commissioner)"),
]


def _code_parts(code: str) -> list[str]:
    code = code.strip().replace("~", "")
    return [code[i : i + 3] for i in range(0, len(code), 3) if code[i : i + 3]]


def sectors_from_code(code: str) -> tuple[str, str, str]:
    """Phoenix code -> (sector, sector2, note)."""
    parts = _code_parts(code)
    if not parts:
        return "", "", ""
    note = ""
    if parts[0] in RELIGIONS:
        rel = parts[0]
        rest = [p for p in parts[1:] if p not in RELIGIONS]
        if rest:
            return rest[0], rel, ""
        return "REL", rel, f"Phoenix ~{''.join(parts)}"
    if parts[0] == "PPL":
        return "CVL", "", "Phoenix ~PPL"
    sec2 = ""
    for p in parts[1:]:
        sec2 = p
        break
    return parts[0], sec2, note


def parse_agent_file(path: Path):
    macros, out = {}, []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        s = raw.strip()
        if not s or s.startswith("#"):
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.*)$", s)
        if m:
            macros[m.group(1)] = [x.strip() for x in m.group(2).split(",")]
            continue
        body = s.split("#", 1)[0]
        m = re.search(r"\[([^\]\}]*)[\]\}]", body)
        code = m.group(1).strip() if m else ""
        phrase = body[: m.start()] if m else body
        plural = None
        pm = re.search(r"\{([^}]*)\}", phrase)
        if pm:
            plural = pm.group(1).strip()
            phrase = phrase[: pm.start()]
        out.append((phrase.strip(), plural, code))
    return out, macros


# Phoenix joins words with "_" whether English writes a space or a hyphen.
COMPOUNDS = [
    (r"^(anti|pro|counter|self|non|sub) ", r"\1-"),
    (r"\bstate (owned|run)\b", r"state-\1"),
    (r"\b(left|right) wing\b", r"\1-wing"),
    (r"\bhigh ranking\b", "high-ranking"),
    (r"\bmilitary backed\b", "military-backed"),
    (r"\bnon governmental\b", "non-governmental"),
    (r"\binter service\b", "inter-services"),
    (r"\bmonastary\b", "monastery"),
]

# Misspellings in the Phoenix file, fixed ("" = drop the entry).
RENAME = {
    "supreme people court": "supreme people's court",
    "marine corp": "marine corps",
    "extemist soldier": "",
    "filmaker": "",
    "court supreme": "",
    "nongovernmenal organisation": "",
    "nongovernmenal organization": "",
    "counter-drugs expert": "",
    "highly ranking official": "",
    "editor of newspaper": "",
    "editors of newspaper": "",
}


def norm_phrase(p: str) -> str:
    p = p.replace("_", " ").lower()
    p = re.sub(r"\s+", " ", p).strip()
    for rx, sub in COMPOUNDS:
        p = re.sub(rx, sub, p)
    return RENAME.get(p, p)


def expand_phrase(raw: str, macros: dict) -> list[tuple[str, str]]:
    """Expand !MACRO!s and stems.  Returns [(phrase, plural_of)]."""
    forms = [(raw, "")]
    if "!PERSON!" in raw:
        forms = []
        for w in ("MAN", "WOMAN", "PERSON", "MEN", "WOMEN"):
            f = raw.replace("!PERSON!", w)
            if w == "PERSON" and not raw.split("!PERSON!")[0].endswith("_") and norm_phrase(f) not in PERSON_WORDS:
                continue  # "policeperson": not an English word
            sing = {"MEN": "MAN", "WOMEN": "WOMAN"}.get(w)
            forms.append((f, raw.replace("!PERSON!", sing) if sing else ""))
    res = []
    for f, pl in forms:
        if "!MINIST!" in f:
            for w in ("MINISTER", "MINISTRY"):
                res.append((f.replace("!MINIST!", w), ""))
        else:
            res.append((f, pl))
    out = []
    for f, pl in res:
        p = norm_phrase(f)
        last = p.split(" ")[-1] if p else ""
        if last in STEMS:
            for full in STEMS[last]:
                out.append((p[: -len(last)] + full, ""))
        else:
            out.append((p, norm_phrase(pl) if pl else ""))
    return out


PERSON_WORDS = {
    "spokesperson",
    "businessperson",
    "congressperson",
    "chairperson",
    "military spokesperson",
    "government spokesperson",
}

# Phoenix plural forms in {...} that are not plurals of the entry.
PLURAL_FIX = {"midwive": "midwives", "gendarmerie": ""}

_PORT_RE = [
    re.compile(r"^(?:minister|ministry) (?:of|for) (.+)$"),
    re.compile(r"^(.+?) (?:minister|ministry)$"),
]


# "minister of/for <X>" and "ministry of/for <X>" only for the common portfolios.
CORE_PORTFOLIOS = {
    "defence",
    "defense",
    "national defence",
    "national defense",
    "foreign affairs",
    "external affairs",
    "interior",
    "the interior",
    "home affairs",
    "internal affairs",
    "justice",
    "finance",
    "economy",
    "health",
    "education",
    "agriculture",
    "labor",
    "labour",
    "energy",
    "oil",
    "trade",
    "commerce",
    "industry",
    "information",
    "environment",
    "the environment",
    "transport",
    "security",
    "national security",
    "state",
}


def portfolio_ok(p: str) -> bool:
    """False for '<X> minister/ministry' style phrases with an uncommon X."""
    if p in (
        "minister",
        "ministry",
        "prime minister",
        "deputy prime minister",
        "chief minister",
        "cabinet minister",
        "vice foreign minister",
        "minister plenipotentiary",
        "minister without portfolio",
        "minister of state",
        "foreign ministry",
        "foreign minister",
        "former prime minister",
        "exiled prime minister",
        "ousted prime minister",
        "ousted foreign minister",
        "prime minister in exile",
    ):
        return True
    m = _PORT_RE[0].match(p)
    if m:
        if " for " in p:
            return False  # "minister of X" is kept, "minister for X" not
        return m.group(1) in CORE_PORTFOLIOS and p != "ministry of state"
    m = _PORT_RE[1].match(p)
    if m:
        return m.group(1) in PORTFOLIOS
    return True


# PLOVER's PRM (paramilitary) and PRE (partially recognised state) have no CAMEO code at all
# (Phoenix writes paramilitaries ~MIL and has no word for breakaway states), so tidings writes
# them as PLOVER does: SOMPRM, GEOPRE.
PLOVER_TO_CAMEO = {"JRN": "MED", "MED": "HLH"}
PLOVER_ONLY = {"SOC", "UNK", "JNK", "NON"}
# PLOVER nouns that name places or everyday things more often than actors.
PLOVER_DROP = {
    "capital",
    "capital city",
    "city",
    "province",
    "family",
    "individuals",
    "diet",
    "elder",
    "state",
    "town",
    "representative",
}


def _plural_of_row(phrase: str, rows: dict) -> bool:
    """Whether ``phrase`` is a regular plural of a noun already listed (the resolver makes those)."""
    for cut in ("s", "es"):
        if phrase.endswith(cut) and phrase[: -len(cut)] in rows:
            return True
    return phrase.endswith("ies") and phrase[:-3] + "y" in rows


def build_agents(ref: Path) -> str:
    rows: dict[str, list[str]] = {}
    conflicts: dict[str, set] = {}

    def add(phrase, sec, sec2, note, replace=False):
        if not phrase or not sec:
            return
        if phrase in rows and not replace:
            old = rows[phrase]
            if (old[0], old[1]) != (sec, sec2):
                conflicts.setdefault(phrase, set()).add(sec + sec2)
            return
        rows[phrase] = [sec, sec2, note]

    for fname, _tag in (("Phoenix.agents.txt", "Phoenix"),):
        entries, macros = parse_agent_file(ref / fname)
        for raw, plural, code in entries:
            sec, sec2, note = sectors_from_code(code)
            if not sec:
                continue
            if sec == "IGO" or code.strip() == "IGO~":
                sec, sec2 = "IGO", ""
            if sec == "IMG":
                sec, note = "UAF", "Phoenix ~IMG (international militarized group)"
            for phrase, plural_of in expand_phrase(raw, macros):
                phrase = SINGULAR.get(phrase, phrase)
                if phrase in DROP or not phrase or "grader" in phrase:
                    continue
                if not phrase.isascii():
                    continue  # mojibake in the source file
                if re.search(r"\b(at|for|to|in|of)$", phrase):
                    continue  # fragments ("ambassador to")
                if re.search(r"[0-9/()]", phrase) and phrase not in ("b-52", "f-16"):
                    continue  # weapon model numbers
                if not portfolio_ok(phrase):
                    continue
                n = note
                s1, s2 = sec, sec2
                if re.match(r"(minister|ministry) |.* (minister|ministry)$", phrase) and s1 == "ENV":
                    s1, s2 = "GOV", s1  # "minister of environment" ~ENV
                if "transport" in phrase and s2 == "MED":
                    s2 = ""  # Phoenix codes transport ministries ~GOVMED
                if plural_of:
                    n = f"plural of {plural_of}" + (f"; {note}" if note else "")
                if plural == "" and "!PERSON!" not in raw:
                    n = (n + "; " if n else "") + "no regular plural (Phoenix {})"
                add(phrase, s1, s2, n)
                if plural:
                    for pl in plural.split(","):
                        pl = SINGULAR.get(norm_phrase(pl), norm_phrase(pl))
                        if pl in PLURAL_FIX:
                            if PLURAL_FIX[pl] == "":
                                add(pl, s1, s2, f"spelling variant of {phrase}")
                                continue
                            pl = PLURAL_FIX[pl]
                        if pl and pl not in DROP and pl != phrase:
                            add(pl, s1, s2, f"plural of {phrase}")
    for phrase, sec, sec2, note in ADDED:
        if phrase in rows:
            continue
        add(phrase, sec, sec2, note)
    # Nouns only PLOVER_agents.txt lists, its codes turned back into CAMEO's (the crosswalk
    # of tidings/actors/sectors.py read backwards); PLOVER-only codes (PRE, SOC, UNK, JNK, NON) are left out.
    entries, macros = parse_agent_file(ref / "PLOVER_agents.txt")
    for raw, _plural, code in entries:
        sec, sec2, _ = sectors_from_code(code)
        sec, sec2 = PLOVER_TO_CAMEO.get(sec, sec), PLOVER_TO_CAMEO.get(sec2, sec2)
        if not sec or sec in PLOVER_ONLY:
            continue
        sec2 = "" if sec2 in PLOVER_ONLY else sec2
        for phrase, plural_of in expand_phrase(raw, macros):
            phrase = SINGULAR.get(phrase, phrase)
            if phrase in rows or phrase in DROP or phrase in PLOVER_DROP or not phrase or plural_of:
                continue
            if not phrase.isascii() or "grader" in phrase or _plural_of_row(phrase, rows):
                continue
            if re.search(r"\b(at|for|to|in|of)$", phrase) or re.search(r"[0-9/()]", phrase):
                continue
            if not portfolio_ok(phrase):
                continue
            add(phrase, sec, sec2, f"PLOVER ~{code.strip('~').strip()}")
    for phrase, (sec, sec2, note) in OVERRIDES.items():
        rows[phrase] = [sec, sec2, note]
    for phrase in list(rows):  # irregular -man/-men plurals
        last = phrase.split(" ")[-1]
        if (
            last.endswith("man")
            and last not in ("german", "human", "roman", "shaman")
            and not rows[phrase][2].startswith("plural of")
        ):
            pl = phrase[:-3] + "men"
            if pl not in rows and pl not in DROP:
                add(pl, rows[phrase][0], rows[phrase][1], f"plural of {phrase}")
    for phrase, r in rows.items():  # plurals follow their singular
        m = re.match(r"(?:plural|spelling variant) of ([^;]+)", r[2])
        if m and m.group(1) in rows and phrase not in OVERRIDES:
            r[0], r[1] = rows[m.group(1)][0], rows[m.group(1)][1]
    for phrase, codes in conflicts.items():
        if phrase in OVERRIDES:
            continue
        r = rows[phrase]
        extra = "Phoenix also lists " + "/".join(sorted(codes))
        r[2] = (r[2] + "; " if r[2] else "") + extra
    out = [
        GEN_HEADER.rstrip("\n"),
        MIT_LINE,
        "# phrase: lower case, singular; regular plurals are matched by the code, irregular",
        "# plurals have their own rows. sector/sector2: CAMEO sector codes (Phoenix.agents.txt).",
        "phrase\tsector\tsector2\tnote",
    ]
    for phrase in sorted(rows):
        sec, sec2, note = rows[phrase]
        out.append("\t".join([phrase, sec, sec2, note]))
    return "\n".join(out) + "\n"


# ==========================================================================


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--shared", type=Path, default=REPO.parent / "shared", help="the shared folder (default: ../shared)"
    )
    ap.add_argument("--check", action="store_true", help="exit 1 if the files on disk are not what would be built")
    args = ap.parse_args(argv)
    ref = args.shared / "eval" / "reference"
    if not (ref / "ngec_countries.csv").exists():
        print(f"reference files not found under {ref}", file=sys.stderr)
        return 2
    built = {
        "countries.tsv": build_countries(ref),
        "igos.tsv": build_igos(),
        "agents.tsv": build_agents(ref),
    }
    stale = []
    for name, text in built.items():
        path = DATA / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            n = sum(1 for ln in text.splitlines() if ln and not ln.startswith("#")) - 1
            print(f"wrote {path.relative_to(REPO)} ({n} rows)")
    if args.check:
        if stale:
            print("stale: " + ", ".join(stale), file=sys.stderr)
            return 1
        print("actor tables up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
