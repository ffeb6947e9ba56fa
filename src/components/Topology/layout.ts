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
  detail?: string;
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
export function layoutTopology(model: TopologyModel, labels: TopologyLabels): TopologyLayout {
  const detailOf = (svc: TopologyModel['services'][number]) => {
    const details = [svc.image ?? labels.build(svc.build ?? '.')];
    if (svc.replicas !== 1) details.push(labels.replicas(svc.replicas));
    if (svc.networks.length > 1) details.push(labels.also(svc.networks.slice(1)));
    return details.join(' · ');
  };
  const serviceWidth = Math.max(
    minServiceWidth,
    ...model.services.map((svc) => Math.max(svc.name.length * labelCharWidth, detailOf(svc).length * detailCharWidth) + 24),
  );
  const lanes = model.networks.map((network) => ({
    network,
    services: model.services.filter((svc) => svc.networks[0] === network.name),
  }));
  const columns = Math.max(1, ...lanes.map((lane) => lane.services.length));
  const binds = [...new Set(model.services.flatMap((svc) => svc.mounts.filter((m) => m.type === 'bind').map((m) => m.source ?? '')))];
  const tmpfs = model.services.flatMap((svc) => svc.mounts.filter((m) => m.type === 'tmpfs').map((m) => `${svc.name}:${m.target}`));
  const stores = [
    ...model.volumes.map((name) => ({key: `volume:${name}`, kind: 'volume' as const, label: name, detail: 'volume', dashed: false})),
    ...binds.map((source) => ({key: `bind:${source}`, kind: 'volume' as const, label: source, detail: 'bind mount', dashed: true})),
    ...tmpfs.map((at) => ({key: `tmpfs:${at}`, kind: 'volume' as const, label: at.split(':')[1], detail: 'tmpfs', dashed: true})),
    ...model.secrets.map((name) => ({key: `secret:${name}`, kind: 'secret' as const, label: name, detail: 'secret', dashed: false})),
  ];
  // One row of stores: arrows from services then reach them without crossing another store.
  const storeColumns = Math.max(1, stores.length);
  const width = margin * 2 + Math.max(columns * (serviceWidth + gap) - gap + 2 * gap, Math.min(stores.length, storeColumns) * (storeWidth + gap) - gap);
  const boxes: PlacedBox[] = [];
  const arrows: PlacedArrow[] = [];
  const centre = new Map<string, {x: number; top: number; bottom: number}>();

  boxes.push({key: 'host', x: margin, y: margin, width: width - margin * 2, height: hostHeight, kind: 'host', label: labels.host});
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
      boxes.push({key: `service:${svc.name}`, x, y: top, width: serviceWidth, height: serviceHeight, kind: 'container', label: svc.name, detail: detailOf(svc)});
      centre.set(svc.name, {x: x + serviceWidth / 2, top, bottom: top + serviceHeight});
    });
    y += laneHeight + 24;
  }

  const storesTop = y + 24;
  stores.forEach((store, i) => {
    const row = Math.floor(i / storeColumns);
    const col = i % storeColumns;
    boxes.push({...store, x: margin + col * (storeWidth + gap), y: storesTop + row * (storeHeight + 40), width: storeWidth, height: storeHeight});
  });
  const storeBox = new Map(boxes.filter((b) => stores.some((s) => s.key === b.key)).map((b) => [b.key, b]));
  const height = stores.length ? storesTop + Math.ceil(stores.length / storeColumns) * (storeHeight + 40) - 24 : y;

  for (const svc of model.services) {
    const at = centre.get(svc.name);
    if (!at) continue;
    svc.ports.forEach((port, i) => {
      const x = at.x - 30 + i * 30;
      const published = port.published ? `${port.hostIp ? `${port.hostIp}:` : ''}${port.published}` : '?';
      const label = `${published} → ${port.target}`;
      // Beside the arrow in the gap between the host and the first network, so no line runs through the text.
      const labelAt: [number, number] = [x + 8 + (label.length * detailCharWidth) / 2, margin + hostHeight + 23];
      arrows.push({key: `port:${svc.name}:${i}`, points: [[x, margin + hostHeight], [x, at.top]], label, labelAt});
    });
    const targets = [
      ...svc.mounts.map((m) => (m.type === 'volume' && m.source ? `volume:${m.source}` : m.type === 'bind' ? `bind:${m.source}` : m.type === 'tmpfs' ? `tmpfs:${svc.name}:${m.target}` : '')),
      ...svc.secrets.map((name) => `secret:${name}`),
    ];
    for (const key of targets) {
      const store = storeBox.get(key);
      if (store) arrows.push({key: `${svc.name}->${key}`, points: [[at.x, at.bottom], [store.x + store.width / 2, store.y]], dashed: key.startsWith('secret:')});
    }
    for (const dependency of svc.dependsOn) {
      const to = centre.get(dependency);
      if (to) {
        const fromLeft = to.x < at.x;
        arrows.push({
          key: `${svc.name}=>${dependency}`,
          points: [[at.x + (fromLeft ? -serviceWidth / 2 : serviceWidth / 2), at.top + serviceHeight / 2], [to.x + (fromLeft ? serviceWidth / 2 : -serviceWidth / 2), to.top + serviceHeight / 2]],
          dashed: true,
        });
      }
    }
  }
  return {width, height: height + margin, boxes, arrows};
}
