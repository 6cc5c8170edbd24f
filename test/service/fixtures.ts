/**
 * Fictional articles for the service and crash tests: two events told by three outlets each, written
 * for these tests. Each outlet words the event its own way, as real coverage does.
 */
import { makeArticle } from '../../src/core/article.js';
import type { Article } from '../../src/core/model.js';

const DAM = [
  [
    'Harbor Gazette',
    'Engineers order release at Marlow Dam as reservoir nears the crest',
    `Engineers at the Marlow Dam began a controlled release of water on Tuesday after the reservoir rose to within two feet of the crest following four days of heavy rain.

The Marlow Valley Water Authority said the release would raise the Tessel River by about three feet downstream. Officials urged residents of Brookfield and Linden to move vehicles away from the riverbank.

"The dam itself is sound, and this release is how we keep it that way," said authority director Priya Castellanos. Inspectors walked the spillway on Monday and found no damage.

Schools in Linden closed early, and the county opened a shelter at the Brookfield community center.`,
  ],
  [
    'Valley Courier',
    'Marlow Dam opens spillway gates; Tessel River expected to rise',
    `The Marlow Valley Water Authority opened the spillway gates of the Marlow Dam on Tuesday, releasing water from a reservoir swollen by four days of rain.

Director Priya Castellanos said the dam was structurally sound and the release was a precaution. The reservoir had climbed to within two feet of the crest.

Downstream, the Tessel River is expected to rise by as much as four feet near Linden, the authority said. The county opened an emergency shelter in Brookfield.

Residents along River Road said they were moving furniture upstairs.`,
  ],
  [
    'Coast Herald',
    'Water released from rain-swollen Marlow reservoir',
    `Water managers released water from the Marlow Dam reservoir on Tuesday as heavy rain pushed levels close to the top of the dam.

The Marlow Valley Water Authority warned people living along the Tessel River in Linden and Brookfield that the river would rise over the next day. A shelter opened at the Brookfield community center.

Authority director Priya Castellanos told reporters the structure showed no sign of weakness. "We are releasing water precisely so that nothing is put at risk," she said.

Forecasters expect the rain to ease by Thursday.`,
  ],
] as const;

const ORCHARD = [
  [
    'Harbor Gazette',
    'Orchard co-op wins contract to supply Ridgeway schools with apples',
    `The Ridgeway school district has signed a three-year contract with the Hollins Orchard Cooperative to supply apples and pears to its twenty-two schools.

The deal, worth about 1.4 million dollars, replaces a contract with an out-of-state distributor. District food services manager Tomas Varga said the fruit would arrive within two days of picking.

"Children eat what tastes good, and fresh fruit tastes better," Varga said. The cooperative represents forty family orchards in the Ridgeway hills.`,
  ],
  [
    'Valley Courier',
    'Ridgeway schools to buy fruit from local orchards',
    `Ridgeway students will eat apples and pears from local orchards under a new three-year agreement between the school district and the Hollins Orchard Cooperative.

Food services manager Tomas Varga said the contract, valued at 1.4 million dollars, keeps money in the county. The cooperative groups forty family farms in the hills above Ridgeway.

Cooperative chair Ellen Hollins said growers would add a second packing shift in the autumn to meet school orders.`,
  ],
  [
    'Coast Herald',
    'Local growers land school fruit deal',
    `The Hollins Orchard Cooperative will supply fresh apples and pears to all twenty-two Ridgeway district schools starting this autumn, the district announced.

Tomas Varga, who runs food services for the district, said fruit would reach cafeterias within two days of picking, against a week or more under the old distributor.

The contract runs for three years. Cooperative chair Ellen Hollins said the forty member orchards were hiring pickers.`,
  ],
] as const;

function build(prefix: string, rows: readonly (readonly [string, string, string])[], day: string): Article[] {
  return rows.map(([source, title, text], i) =>
    makeArticle({
      id: `${prefix}-${i + 1}`,
      source,
      title,
      text,
      url: `https://${source.toLowerCase().replace(/\s+/g, '-')}.example/${prefix}`,
      date: `${day}T${String(8 + i).padStart(2, '0')}:00:00Z`,
    }),
  );
}

export const DAM_ARTICLES = build('dam', DAM, '2031-04-08');
export const ORCHARD_ARTICLES = build('orchard', ORCHARD, '2031-04-09');

/** A syndicated copy of the first dam article: same text with a new headline and one line appended. */
export function syndicatedCopy(original: Article): Article {
  return makeArticle({
    id: `${original.id}-copy`,
    source: 'Northern Wire Reprints',
    title: 'Dam release ordered',
    text: `${original.text}\n\nThis story was updated with the shelter location.`,
    url: 'https://northern-wire.example/dam-release',
    ...(original.date && { date: original.date }),
  });
}
