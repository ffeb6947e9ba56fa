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

/**
 * Places a compose/stack file's parts on a grid: the host and its published ports on top, one
 * lane per network with its services, then volumes, bind mounts and secrets at the bottom.
 * Pure, so tests can check that every part of the file is drawn.
 */
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

export function layoutTopology(model: TopologyModel, labels: TopologyLabels): TopologyLayout {
  const detailOf = (svc: Service) => serviceDetail(svc, labels);
  const serviceWidth = Math.max(
    minServiceWidth,
    ...model.services.map(
      (svc) => Math.max(svc.name.length * labelCharWidth, detailOf(svc).length * detailCharWidth) + 24,
    ),
  );
  const lanes = model.networks.map((network) => ({
    network,
    services: model.services.filter((svc) => svc.networks[0] === network.name),
  }));
  const columns = Math.max(1, ...lanes.map((lane) => lane.services.length));
  const stores = storesOf(model);
  // One row of stores: arrows from services then reach them without crossing another store.
  const storeColumns = Math.max(1, stores.length);
  const width =
    margin * 2 +
    Math.max(
      columns * (serviceWidth + gap) - gap + 2 * gap,
      Math.min(stores.length, storeColumns) * (storeWidth + gap) - gap,
    );
  const boxes: PlacedBox[] = [];
  const arrows: PlacedArrow[] = [];
  const centre = new Map<string, {x: number; top: number; bottom: number}>();

  boxes.push({
    key: 'host',
    x: margin,
    y: margin,
    width: width - margin * 2,
    height: hostHeight,
    kind: 'host',
    label: labels.host,
  });
  let y = margin + hostHeight + 36;
  for (const lane of lanes) {
    boxes.push({
      key: `network:${lane.network.name}`,
      x: margin,
      y,
      width: width - margin * 2,
      height: laneHeight,
      kind: 'network',
      label: labels.network(lane.network.name, lane.network.driver),
      labelAt: 'top-left',
    });
    lane.services.forEach((svc, i) => {
      const x = margin + gap + i * (serviceWidth + gap);
      const top = y + 34;
      boxes.push({
        key: `service:${svc.name}`,
        x,
        y: top,
        width: serviceWidth,
        height: serviceHeight,
        kind: 'container',
        label: svc.name,
        detail: detailOf(svc),
      });
      centre.set(svc.name, {x: x + serviceWidth / 2, top, bottom: top + serviceHeight});
    });
    y += laneHeight + 24;
  }

  const storesTop = y + 24;
  stores.forEach((store, i) => {
    const row = Math.floor(i / storeColumns);
    const col = i % storeColumns;
    boxes.push({
      ...store,
      x: margin + col * (storeWidth + gap),
      y: storesTop + row * (storeHeight + 40),
      width: storeWidth,
      height: storeHeight,
    });
  });
  const storeBox = new Map(boxes.filter((b) => stores.some((s) => s.key === b.key)).map((b) => [b.key, b]));
  const height = stores.length ? storesTop + Math.ceil(stores.length / storeColumns) * (storeHeight + 40) - 24 : y;

  for (const svc of model.services) {
    const at = centre.get(svc.name);
    if (!at) continue;
    svc.ports.forEach((port, i) => {
      const x = at.x - 30 + i * 30;
      const label = portLabel(port);
      // Beside the arrow in the gap between the host and the first network, so no line runs through the text.
      const labelAt: [number, number] = [x + 8 + (label.length * detailCharWidth) / 2, margin + hostHeight + 23];
      arrows.push({
        key: `port:${svc.name}:${i}`,
        points: [
          [x, margin + hostHeight],
          [x, at.top],
        ],
        label,
        labelAt,
      });
    });
    for (const key of storeKeysOf(svc)) {
      const store = storeBox.get(key);
      if (store)
        arrows.push({
          key: `${svc.name}->${key}`,
          points: [
            [at.x, at.bottom],
            [store.x + store.width / 2, store.y],
          ],
          dashed: key.startsWith('secret:'),
        });
    }
    for (const dependency of svc.dependsOn) {
      const to = centre.get(dependency);
      if (to) {
        const fromLeft = to.x < at.x;
        arrows.push({
          key: `${svc.name}=>${dependency}`,
          points: [
            [at.x + (fromLeft ? -serviceWidth / 2 : serviceWidth / 2), at.top + serviceHeight / 2],
            [to.x + (fromLeft ? serviceWidth / 2 : -serviceWidth / 2), to.top + serviceHeight / 2],
          ],
          dashed: true,
        });
      }
    }
  }
  return {width, height: height + margin, boxes, arrows};
}

/**
 * The same parts for a narrow column: one service under another in each network's band, their
 * published ports as detail lines (an arrow from the host runs down the right-hand gutter), and
 * the stores two to a row, reached through the left-hand gutter so no arrow crosses a service.
 */
export function layoutTopologyNarrow(model: TopologyModel, labels: TopologyLabels): TopologyLayout {
  const details = (svc: Service) => [serviceDetail(svc, labels), ...svc.ports.map(portLabel)];
  const serviceWidth = Math.max(
    minServiceWidth,
    ...model.services.map(
      (svc) => Math.max(svc.name.length * labelCharWidth, ...details(svc).map((d) => d.length * detailCharWidth)) + 24,
    ),
  );
  const heightOf = (svc: Service) => 40 + details(svc).length * 16;
  const gutter = 28;
  const serviceX = margin + gutter;
  const stores = storesOf(model);
  const storeColumns = Math.min(2, Math.max(1, stores.length));
  const width = Math.max(
    serviceX + serviceWidth + gutter + margin,
    margin * 2 + storeColumns * (storeWidth + gap) - gap,
  );
  const boxes: PlacedBox[] = [];
  const arrows: PlacedArrow[] = [];
  const placed = new Map<string, {top: number; bottom: number}>();

  boxes.push({
    key: 'host',
    x: margin,
    y: margin,
    width: width - margin * 2,
    height: hostHeight,
    kind: 'host',
    label: labels.host,
  });
  let y = margin + hostHeight + 24;
  for (const network of model.networks) {
    const services = model.services.filter((svc) => svc.networks[0] === network.name);
    const laneHeight = 34 + services.reduce((sum, svc) => sum + heightOf(svc) + 16, 0) + 4;
    boxes.push({
      key: `network:${network.name}`,
      x: margin,
      y,
      width: width - margin * 2,
      height: laneHeight,
      kind: 'network',
      label: labels.network(network.name, network.driver),
      labelAt: 'top-left',
    });
    let top = y + 34;
    for (const svc of services) {
      const height = heightOf(svc);
      boxes.push({
        key: `service:${svc.name}`,
        x: serviceX,
        y: top,
        width: serviceWidth,
        height,
        kind: 'container',
        label: svc.name,
        detail: details(svc),
      });
      placed.set(svc.name, {top, bottom: top + height});
      top += height + 16;
    }
    y += laneHeight + 16;
  }

  const storesTop = y + 16;
  const storeX = (col: number) => margin + col * (storeWidth + gap);
  stores.forEach((store, i) => {
    boxes.push({
      ...store,
      x: storeX(i % storeColumns),
      y: storesTop + Math.floor(i / storeColumns) * (storeHeight + 24),
      width: storeWidth,
      height: storeHeight,
    });
  });
  const storeBox = new Map(boxes.filter((b) => stores.some((s) => s.key === b.key)).map((b) => [b.key, b]));
  const height = stores.length ? storesTop + Math.ceil(stores.length / storeColumns) * (storeHeight + 24) - 24 : y;

  model.services.forEach((svc, s) => {
    const at = placed.get(svc.name);
    if (!at) return;
    const middle = (at.top + at.bottom) / 2;
    if (svc.ports.length) {
      const x = serviceX + serviceWidth + gutter / 2;
      arrows.push({
        key: `port:${svc.name}`,
        points: [
          [x, margin + hostHeight],
          [x, middle],
          [serviceX + serviceWidth, middle],
        ],
      });
    }
    for (const dependency of svc.dependsOn) {
      const to = placed.get(dependency);
      if (!to) continue;
      const x = serviceX + serviceWidth - 24;
      arrows.push({
        key: `${svc.name}=>${dependency}`,
        points:
          to.top < at.top
            ? [
                [x, at.top],
                [x, to.bottom],
              ]
            : [
                [x, at.bottom],
                [x, to.top],
              ],
        dashed: true,
      });
    }
    storeKeysOf(svc).forEach((key, k) => {
      const store = storeBox.get(key);
      if (!store) return;
      // Each service's arrows run down their own track of the left-hand gutter, into the store row.
      const x = margin + 6 + ((s * 5 + k * 3) % (gutter - 10));
      const entry = store.y - 8 - (s % 2) * 4;
      arrows.push({
        key: `${svc.name}->${key}`,
        points: [
          [serviceX, middle + k * 4],
          [x, middle + k * 4],
          [x, entry],
          [store.x + store.width / 2, entry],
          [store.x + store.width / 2, store.y],
        ],
        dashed: key.startsWith('secret:'),
      });
    });
  });
  return {width, height: height + margin, boxes, arrows};
}
