/**
 * Short fictional articles from four events unrelated to the sample stories, two reports each, that
 * samples/stream.jsonl mixes in for clustering demos and tests. Written for this project; the events,
 * people, outlets and addresses are invented.
 */
export interface ExtraArticle {
  readonly story: string;
  readonly source: string;
  readonly title: string;
  readonly url: string;
  readonly date: string;
  readonly text: string;
}

export const EXTRAS: readonly ExtraArticle[] = [
  {
    story: 'pell-valley-marathon',
    source: 'Pell Valley Sports Weekly',
    title: 'Hollins breaks Pell Valley Marathon record by 41 seconds',
    url: 'https://pellvalleysports.example/running/2026/10/04/hollins-marathon-record',
    date: '2026-10-04',
    text: `Teodor Hollins, a 27-year-old schoolteacher from Ashgrove, won the Pell Valley Marathon on Sunday in 2 hours, 14 minutes and 9 seconds, breaking the course record set in 2019 by 41 seconds.\n\nHollins pulled away from a lead group of four at the 35-kilometre mark on the climb past Millpond Bridge. "I told myself to wait for the bridge, and then I just went," he said at the finish on Court Square.\n\nIn the women's race, Saoirse Lundgren-Abara won in 2:33:50. A record 4,870 runners finished, according to the organisers, up from 4,100 last year. Temperatures stayed below 12 degrees Celsius all morning.`,
  },
  {
    story: 'pell-valley-marathon',
    source: 'Ashgrove Weekly Tribune',
    title: 'Local teacher Teodor Hollins wins marathon in record time',
    url: 'https://ashgrovetribune.example/sports/2026/10/05/hollins-wins-marathon',
    date: '2026-10-05',
    text: `Ashgrove Middle School science teacher Teodor Hollins won Sunday's Pell Valley Marathon in a course record of 2:14:09, and was back in his classroom on Monday morning with the medal around his neck.\n\nHollins, who trains before school on the towpath along the Pell River, broke away from the leaders near Millpond Bridge with about seven kilometres to go. His pupils had painted a banner for the finish line. "They told me if I won there would be no homework this week," Hollins said. "I have not agreed to that."\n\nMore than 4,800 runners finished the race, the largest field in its 22-year history.`,
  },
  {
    story: 'greyhaven-water-main-break',
    source: 'Greyhaven Daily Mercury',
    title: 'Water main break floods downtown Greyhaven, 2,000 homes without water',
    url: 'https://greyhavenmercury.example/news/2026/01/19/water-main-break-downtown',
    date: '2026-01-19',
    text: `A 36-inch water main burst under Castle Street in downtown Greyhaven early Monday, sending water knee-deep through four blocks and leaving about 2,000 homes and businesses without water for most of the day.\n\nThe pipe, installed in 1938, broke at about 4:15 a.m., the city's water department said. Crews shut off the main by 6 a.m., but not before water flooded the basements of at least a dozen buildings, including the Greyhaven Savings Bank branch.\n\n"Cold weather and old cast iron are a bad combination," said water director Imelda Farrow-Kent. She said service should be back by midnight and asked residents to boil tap water until tests come back clear, probably on Wednesday.`,
  },
  {
    story: 'greyhaven-water-main-break',
    source: 'Greyhaven Radio 88',
    title: 'Boil-water notice for downtown after Castle Street main bursts',
    url: 'https://greyhavenradio88.example/local/castle-street-main-burst',
    date: '2026-01-19',
    text: `Residents of downtown Greyhaven are being told to boil their tap water after a large water main burst beneath Castle Street before dawn on Monday.\n\nWater director Imelda Farrow-Kent said the 88-year-old cast-iron pipe probably cracked because of the freezing temperatures over the weekend. Castle Street is closed between Fourth and Eighth Avenues while crews dig out the broken section, and buses on routes 3 and 14 are being diverted.\n\nThe city is handing out bottled water at the Greyhaven Civic Centre until 8 p.m. The boil-water notice covers about 2,000 addresses and is expected to stay in place until at least Wednesday.`,
  },
  {
    story: 'corran-bay-whale-rescue',
    source: 'Corran Coast Herald',
    title: 'Young humpback freed from fishing net in Corran Bay',
    url: 'https://corrancoastherald.example/2026/07/22/humpback-freed-corran-bay',
    date: '2026-07-22',
    text: `A young humpback whale that had been tangled in a drifting fishing net for at least two days swam free in Corran Bay on Tuesday after a five-hour rescue by a marine mammal team.\n\nThe whale, about eight metres long, was first spotted on Sunday by a sightseeing boat near Gull Rock. Rescuers from the Corran Marine Rescue Network used a grappling line to slow the animal, then cut away about 60 metres of net from its tail and left flipper.\n\n"She was tired but she was strong, and once the last piece came off she was gone in seconds," said team leader Ottilie Marchbank. The network said the net appeared to have been lost by a trawler and asked fishing crews to report missing gear.`,
  },
  {
    story: 'corran-bay-whale-rescue',
    source: 'Coastal Wildlife Notes',
    title: 'Rescuers cut 60 metres of lost net from humpback near Gull Rock',
    url: 'https://coastalwildlifenotes.example/posts/gull-rock-humpback-disentangled',
    date: '2026-07-23',
    text: `The Corran Marine Rescue Network disentangled a juvenile humpback whale near Gull Rock on Tuesday, the third such rescue in Corran Bay this year.\n\nTeam leader Ottilie Marchbank said the whale had about 60 metres of monofilament net wrapped around its tail stock and one flipper, and was struggling to dive. The team worked from two inflatable boats, using knives on long poles, and freed the animal after about five hours.\n\nLost and abandoned fishing gear is the most common cause of whale entanglements in the bay, according to the network, which has recorded 14 entanglements since 2020.`,
  },
  {
    story: 'tillford-school-budget',
    source: 'Tillford Observer',
    title: 'School board passes $88 million budget with 4% raise for teachers',
    url: 'https://tillfordobserver.example/education/2026/06/10/school-budget-passes',
    date: '2026-06-10',
    text: `The Tillford School Board approved an $88 million budget for next year on Tuesday night, including a 4% raise for teachers and money to hire six additional special-education aides.\n\nThe board voted 5-2. The two members who voted no, Phyllida Crane and Ansel Morrow, said the budget relied too heavily on the district's reserves, which would fall from $9.1 million to $6.4 million.\n\nSuperintendent Rashida Bellweather said the raise was needed to keep teachers from leaving for better-paying districts nearby. "We lost 31 teachers last year. We cannot keep training people for our neighbours," she said.`,
  },
  {
    story: 'tillford-school-budget',
    source: 'Tillford Community Radio',
    title: 'Teachers get 4% raise as Tillford board dips into reserves',
    url: 'https://tillfordradio.example/news/teachers-raise-reserves',
    date: '2026-06-11',
    text: `Teachers in Tillford will get a 4% raise next school year under a budget the school board approved 5-2 on Tuesday.\n\nThe $88 million plan draws about $2.7 million from the district's reserves. Superintendent Rashida Bellweather said the district lost 31 teachers last year, most of them to higher-paying districts, and that the raise was the only way to stop the losses.\n\nBoard member Phyllida Crane, who voted against the budget, said the district would face "a much harder conversation next spring" if state aid does not rise. The teachers' association said it welcomed the raise.`,
  },
];
