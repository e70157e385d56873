export const BASE_PATH = 'https://api.openai.com/v1';
