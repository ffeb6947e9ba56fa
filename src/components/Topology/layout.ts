import type {BoxKind} from '@site/src/components/Diagram';
import type {TopologyModel} from '@site/src/components/Example/types';

export interface TopologyLabels {
  host: string;
  network: (name: string, driver: string) => string;
  replicas: (n: number) => string;
  build: (context: string) => string;
  also: (networks: string[]) => string;
}

export interface PlacedBox {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  kind: BoxKind;
  label: string;
  detail?: string | string[];
  dashed?: boolean;
  labelAt?: 'centre' | 'top-left';
}

export interface PlacedArrow {
  key: string;
  points: [number, number][];
  label?: string;
  labelAt?: [number, number];
  dashed?: boolean;
}

export interface TopologyLayout {
  width: number;
  height: number;
  boxes: PlacedBox[];
  arrows: PlacedArrow[];
}

const minServiceWidth = 180;
// Rough advance widths of the figure's fonts (15 px labels, 13 px monospace details), to size boxes to their text.
const labelCharWidth = 9;
const detailCharWidth = 8;
const serviceHeight = 58;
const gap = 40;
const margin = 16;
const laneHeight = serviceHeight + 48;
const hostHeight = 52;
const storeWidth = 170;
const storeHeight = 46;
const hostBottom = margin + hostHeight;
// Services start below their band's label.
const bandLabelHeight = 34;
// The narrow figure's services sit between two gutters that carry its arrows.
const narrowGutter = 28;
const narrowServiceX = margin + narrowGutter;

type Service = TopologyModel['services'][number];

/** The line under a service's name: its image or build context, replicas, other networks. */
function serviceDetail(svc: Service, labels: TopologyLabels): string {
  const details = [svc.image ?? labels.build(svc.build ?? '.')];
  if (svc.replicas !== 1) details.push(labels.replicas(svc.replicas));
  if (svc.networks.length > 1) details.push(labels.also(svc.networks.slice(1)));
  return details.join(' · ');
}

/** A published port as drawn: "127.0.0.1:8080 → 80". */
function portLabel(port: Service['ports'][number]): string {
  const published = port.published ? `${port.hostIp ? `${port.hostIp}:` : ''}${port.published}` : '?';
  return `${published} → ${port.target}`;
}

/** The volumes, bind mounts, tmpfs mounts and secrets of a model, each once, keyed as arrows name them. */
function storesOf(model: TopologyModel) {
  const binds = [
    ...new Set(model.services.flatMap((svc) => svc.mounts.filter((m) => m.type === 'bind').map((m) => m.source ?? ''))),
  ];
  const tmpfs = model.services.flatMap((svc) =>
    svc.mounts.filter((m) => m.type === 'tmpfs').map((m) => `${svc.name}:${m.target}`),
  );
  return [
    ...model.volumes.map((name) => ({
      key: `volume:${name}`,
      kind: 'volume' as const,
      label: name,
      detail: 'volume',
      dashed: false,
    })),
    ...binds.map((source) => ({
      key: `bind:${source}`,
      kind: 'volume' as const,
      label: source,
      detail: 'bind mount',
      dashed: true,
    })),
    ...tmpfs.map((at) => ({
      key: `tmpfs:${at}`,
      kind: 'volume' as const,
      label: at.split(':')[1],
      detail: 'tmpfs',
      dashed: true,
    })),
    ...model.secrets.map((name) => ({
      key: `secret:${name}`,
      kind: 'secret' as const,
      label: name,
      detail: 'secret',
      dashed: false,
    })),
  ];
}

/** The keys of the stores a service mounts, in the order arrows are drawn. */
function storeKeysOf(svc: Service): string[] {
  return [
    ...svc.mounts.map((m) =>
      m.type === 'volume' && m.source
        ? `volume:${m.source}`
        : m.type === 'bind'
          ? `bind:${m.source}`
          : m.type === 'tmpfs'
            ? `tmpfs:${svc.name}:${m.target}`
            : '',
    ),
    ...svc.secrets.map((name) => `secret:${name}`),
  ];
}

/** Each network with the services drawn in its band: those whose first network it is. */
function lanesOf(model: TopologyModel) {
  return model.networks.map((network) => ({
    network,
    services: model.services.filter((svc) => svc.networks[0] === network.name),
  }));
}

type Lane = ReturnType<typeof lanesOf>[number];
type Store = ReturnType<typeof storesOf>[number];
type Points = [number, number][];

/** Boxes placed from the top down, and the y that what follows them is measured from. */
interface Placed {
  boxes: PlacedBox[];
  bottom: number;
}

/** The boxes arrows start and end at, by service name and by store key. */
interface Placement {
  services: Map<string, PlacedBox>;
  stores: Map<string, PlacedBox>;
}

type PlacedBands = Placed & Pick<Placement, 'services'>;

/** One width for every service box: room for the longest name or detail line. */
function serviceWidthFor(services: Service[], detailLines: (svc: Service) => string[]): number {
  return Math.max(
    minServiceWidth,
    ...services.map(
      (svc) =>
        Math.max(svc.name.length * labelCharWidth, ...detailLines(svc).map((d) => d.length * detailCharWidth)) + 24,
    ),
  );
}

function storeRowWidth(columns: number): number {
  return columns * (storeWidth + gap) - gap;
}

const centreX = (box: PlacedBox) => box.x + box.width / 2;
const middleY = (box: PlacedBox) => box.y + box.height / 2;

/**
 * The network bands one under another from `band.top`, each holding its services as `placeServices` lays
 * them out below the band's label (it also says how tall the band is).
 */
function placeBands(
  lanes: Lane[],
  labels: TopologyLabels,
  band: {top: number; gap: number; width: number},
  placeServices: (services: Service[], top: number) => {boxes: PlacedBox[]; height: number},
): PlacedBands {
  const boxes: PlacedBox[] = [];
  const services = new Map<string, PlacedBox>();
  let y = band.top;
  for (const lane of lanes) {
    const inside = placeServices(lane.services, y + bandLabelHeight);
    boxes.push(
      {
        key: `network:${lane.network.name}`,
        x: margin,
        y,
        width: band.width - margin * 2,
        height: inside.height,
        kind: 'network',
        label: labels.network(lane.network.name, lane.network.driver),
        labelAt: 'top-left',
      },
      ...inside.boxes,
    );
    lane.services.forEach((svc, i) => services.set(svc.name, inside.boxes[i]));
    y += inside.height + band.gap;
  }
  return {boxes, services, bottom: y};
}

/** The stores in a grid of `columns`, from `top` down, rows `rowGap` apart. */
function placeStores(stores: Store[], columns: number, top: number, rowGap: number): Placed {
  const boxes = stores.map((store, i) => ({
    ...store,
    x: margin + (i % columns) * (storeWidth + gap),
    y: top + Math.floor(i / columns) * (storeHeight + rowGap),
    width: storeWidth,
    height: storeHeight,
  }));
  return {boxes, bottom: top + Math.ceil(stores.length / columns) * (storeHeight + rowGap) - 24};
}

/**
 * The host across the top, the bands under it, then the stores (the figure ends at the bands when there are
 * none), and the arrows `arrowsOf` draws between the placed boxes.
 */
function assemble(
  width: number,
  labels: TopologyLabels,
  bands: PlacedBands,
  stores: Placed,
  arrowsOf: (placement: Placement) => PlacedArrow[],
): TopologyLayout {
  const host: PlacedBox = {
    key: 'host',
    x: margin,
    y: margin,
    width: width - margin * 2,
    height: hostHeight,
    kind: 'host',
    label: labels.host,
  };
  const placement = {services: bands.services, stores: new Map(stores.boxes.map((b) => [b.key, b]))};
  const bottom = stores.boxes.length ? stores.bottom : bands.bottom;
  return {width, height: bottom + margin, boxes: [host, ...bands.boxes, ...stores.boxes], arrows: arrowsOf(placement)};
}

/** An arrow from a service to each store it mounts, along `route`; secrets dashed. */
function storeArrows(svc: Service, stores: Placement['stores'], route: (store: PlacedBox, k: number) => Points) {
  return storeKeysOf(svc).flatMap((key, k): PlacedArrow[] => {
    const store = stores.get(key);
    return store ? [{key: `${svc.name}->${key}`, points: route(store, k), dashed: key.startsWith('secret:')}] : [];
  });
}

/** A dashed arrow from a service to each placed service it depends on, along `route`. */
function dependencyArrows(svc: Service, services: Placement['services'], route: (to: PlacedBox) => Points) {
  return svc.dependsOn.flatMap((dependency): PlacedArrow[] => {
    const to = services.get(dependency);
    return to ? [{key: `${svc.name}=>${dependency}`, points: route(to), dashed: true}] : [];
  });
}

/** A band's services side by side, all the same size. */
function placeSideBySide(services: Service[], top: number, serviceWidth: number, detailOf: (svc: Service) => string) {
  const boxes = services.map((svc, i): PlacedBox => ({
    key: `service:${svc.name}`,
    x: margin + gap + i * (serviceWidth + gap),
    y: top,
    width: serviceWidth,
    height: serviceHeight,
    kind: 'container',
    label: svc.name,
    detail: detailOf(svc),
  }));
  return {boxes, height: laneHeight};
}

/** The wide figure's arrows from one service: its ports down from the host, its stores below, its dependencies beside it. */
function wideArrowsOf(svc: Service, placement: Placement): PlacedArrow[] {
  const at = placement.services.get(svc.name);
  if (!at) return [];
  const ports = svc.ports.map((port, i): PlacedArrow => {
    const x = centreX(at) - 30 + i * 30;
    const label = portLabel(port);
    return {
      key: `port:${svc.name}:${i}`,
      points: [
        [x, hostBottom],
        [x, at.y],
      ],
      label,
      // Beside the arrow in the gap between the host and the first network, so no line runs through the text.
      labelAt: [x + 8 + (label.length * detailCharWidth) / 2, hostBottom + 23],
    };
  });
  return [
    ...ports,
    ...storeArrows(svc, placement.stores, (store) => [
      [centreX(at), at.y + at.height],
      [centreX(store), store.y],
    ]),
    ...dependencyArrows(svc, placement.services, (to) =>
      to.x < at.x
        ? [
            [at.x, middleY(at)],
            [to.x + to.width, middleY(to)],
          ]
        : [
            [at.x + at.width, middleY(at)],
            [to.x, middleY(to)],
          ],
    ),
  ];
}

/**
 * Places a compose/stack file's parts on a grid: the host and its published ports on top, one
 * lane per network with its services, then volumes, bind mounts and secrets at the bottom.
 * Pure, so tests can check that every part of the file is drawn.
 */
export function layoutTopology(model: TopologyModel, labels: TopologyLabels): TopologyLayout {
  const detailOf = (svc: Service) => serviceDetail(svc, labels);
  const serviceWidth = serviceWidthFor(model.services, (svc) => [detailOf(svc)]);
  const lanes = lanesOf(model);
  const columns = Math.max(1, ...lanes.map((lane) => lane.services.length));
  const stores = storesOf(model);
  const width = margin * 2 + Math.max(columns * (serviceWidth + gap) - gap + 2 * gap, storeRowWidth(stores.length));
  const bands = placeBands(lanes, labels, {top: hostBottom + 36, gap: 24, width}, (services, top) =>
    placeSideBySide(services, top, serviceWidth, detailOf),
  );
  // One row of stores: arrows from services then reach them without crossing another store.
  const storeGrid = placeStores(stores, Math.max(1, stores.length), bands.bottom + 24, 40);
  return assemble(width, labels, bands, storeGrid, (placement) =>
    model.services.flatMap((svc) => wideArrowsOf(svc, placement)),
  );
}

/** A band's services one under another, each as tall as its detail lines need. */
function placeStacked(services: Service[], top: number, serviceWidth: number, detailsOf: (svc: Service) => string[]) {
  const boxes: PlacedBox[] = [];
  let y = top;
  for (const svc of services) {
    const height = 40 + detailsOf(svc).length * 16;
    boxes.push({
      key: `service:${svc.name}`,
      x: narrowServiceX,
      y,
      width: serviceWidth,
      height,
      kind: 'container',
      label: svc.name,
      detail: detailsOf(svc),
    });
    y += height + 16;
  }
  return {boxes, height: bandLabelHeight + (y - top) + 4};
}

/**
 * The narrow figure's arrows from one service (`s` its place in the file): its ports from the host down the
 * right-hand gutter, its dependencies inside its box's right edge, its stores through the left-hand gutter.
 */
function narrowArrowsOf(svc: Service, s: number, placement: Placement): PlacedArrow[] {
  const at = placement.services.get(svc.name);
  if (!at) return [];
  const right = at.x + at.width;
  const middle = middleY(at);
  const portX = right + narrowGutter / 2;
  const ports: PlacedArrow[] = svc.ports.length
    ? [
        {
          key: `port:${svc.name}`,
          points: [
            [portX, hostBottom],
            [portX, middle],
            [right, middle],
          ],
        },
      ]
    : [];
  const dependencyX = right - 24;
  return [
    ...ports,
    ...dependencyArrows(svc, placement.services, (to) =>
      to.y < at.y
        ? [
            [dependencyX, at.y],
            [dependencyX, to.y + to.height],
          ]
        : [
            [dependencyX, at.y + at.height],
            [dependencyX, to.y],
          ],
    ),
    ...storeArrows(svc, placement.stores, (store, k) => {
      // Each service's arrows run down their own track of the left-hand gutter, into the store row.
      const x = margin + 6 + ((s * 5 + k * 3) % (narrowGutter - 10));
      const entry = store.y - 8 - (s % 2) * 4;
      return [
        [at.x, middle + k * 4],
        [x, middle + k * 4],
        [x, entry],
        [centreX(store), entry],
        [centreX(store), store.y],
      ];
    }),
  ];
}

/**
 * The same parts for a narrow column: one service under another in each network's band, their
 * published ports as detail lines (an arrow from the host runs down the right-hand gutter), and
 * the stores two to a row, reached through the left-hand gutter so no arrow crosses a service.
 */
export function layoutTopologyNarrow(model: TopologyModel, labels: TopologyLabels): TopologyLayout {
  const detailsOf = (svc: Service) => [serviceDetail(svc, labels), ...svc.ports.map(portLabel)];
  const serviceWidth = serviceWidthFor(model.services, detailsOf);
  const stores = storesOf(model);
  const storeColumns = Math.min(2, Math.max(1, stores.length));
  const width = Math.max(
    narrowServiceX + serviceWidth + narrowGutter + margin,
    margin * 2 + storeRowWidth(storeColumns),
  );
  const bands = placeBands(lanesOf(model), labels, {top: hostBottom + 24, gap: 16, width}, (services, top) =>
    placeStacked(services, top, serviceWidth, detailsOf),
  );
  const storeGrid = placeStores(stores, storeColumns, bands.bottom + 16, 24);
  return assemble(width, labels, bands, storeGrid, (placement) =>
    model.services.flatMap((svc, s) => narrowArrowsOf(svc, s, placement)),
  );
}
