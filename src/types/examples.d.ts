declare module '@site/examples/*/example.yaml' {
  import type {ExampleData} from '@site/src/components/Example/types';
  const example: ExampleData;
  export default example;
}
